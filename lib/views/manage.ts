import { db, Prisma } from "@/lib/db/client";
import { isUuid } from "@/lib/api/ids";
import { DomainError, notFound } from "@/lib/errors";
import type { ViewActor } from "./actor";
import type { ViewPage } from "./filters";
import { viewUrl } from "./query";
import type { ViewChange, ViewInput } from "./schemas";
import { checkViewFilters } from "./validate";

// Saved views: each person sees their own and every shared one (an admin
// sees all of them); only the owner or an admin changes or deletes one.

/** Enough for anyone's menu; a cap keeps one script from filling the table. */
export const MAX_VIEWS_PER_USER = 200;

export interface SavedViewItem {
  id: string;
  name: string;
  page: ViewPage;
  query: string;
  url: string;
  shared: boolean;
  /** The caller owns it; neither mine nor shared: someone else's personal view, listed to admins only. */
  mine: boolean;
  owner: { id: string; name: string | null; email: string };
  createdAt: string;
  updatedAt: string;
}

const withOwner = { owner: { select: { id: true, name: true, email: true } } } as const;
type Row = Prisma.SavedViewGetPayload<{ include: typeof withOwner }>;

const item = (r: Row, actor: ViewActor): SavedViewItem => ({
  id: r.id,
  name: r.name,
  page: r.page as ViewPage,
  query: r.query,
  url: viewUrl(r.page as ViewPage, r.query),
  shared: r.shared,
  mine: r.ownerId === actor.userId,
  owner: r.owner,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Mine first, then the team's, then (for admins) others' personal ones; each by name. */
const group = (v: SavedViewItem) => (v.mine ? 0 : v.shared ? 1 : 2);
const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export async function listViews(actor: ViewActor): Promise<SavedViewItem[]> {
  const where: Prisma.SavedViewWhereInput = actor.admin ? {} : actor.userId ? { OR: [{ ownerId: actor.userId }, { shared: true }] } : { shared: true };
  const rows = await db.savedView.findMany({ where, include: withOwner });
  return rows.map((r) => item(r, actor)).sort((a, b) => group(a) - group(b) || byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";
const nameTaken = (name: string, own: boolean) =>
  new DomainError("conflict", "Name taken", `${own ? "You already have" : "Its owner already has"} a view named "${name}": choose another name.`);

function ownerOf(actor: ViewActor): string {
  if (actor.userId) return actor.userId;
  throw new DomainError(
    "refused",
    "No one to own the view",
    "This API key was made by no one, and views belong to people: use a key an admin created while signed in.",
  );
}

export async function createView(actor: ViewActor, input: ViewInput): Promise<SavedViewItem> {
  const ownerId = ownerOf(actor);
  await checkViewFilters(input);
  if ((await db.savedView.count({ where: { ownerId } })) >= MAX_VIEWS_PER_USER)
    throw new DomainError("conflict", "Too many views", `You can keep at most ${MAX_VIEWS_PER_USER} views: delete one first.`);
  try {
    return item(await db.savedView.create({ data: { ...input, ownerId }, include: withOwner }), actor);
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name, true);
    throw e;
  }
}

/** The view if the actor may change it: unseen ones are not found, the team's views of others are refused. */
async function editable(actor: ViewActor, id: string): Promise<Row> {
  const row = isUuid(id) ? await db.savedView.findUnique({ where: { id }, include: withOwner }) : null;
  const mine = row !== null && row.ownerId === actor.userId;
  if (!row || !(mine || row.shared || actor.admin)) throw notFound("view", id);
  if (!mine && !actor.admin)
    throw new DomainError("refused", "Not your view", `"${row.name}" belongs to ${row.owner.name ?? row.owner.email}: only they or an admin can change it.`);
  return row;
}

export async function updateView(actor: ViewActor, id: string, change: ViewChange): Promise<{ before: SavedViewItem; after: SavedViewItem }> {
  const before = await editable(actor, id);
  if (change.page !== undefined || change.query !== undefined)
    await checkViewFilters({ page: change.page ?? before.page, query: change.query ?? before.query });
  try {
    const after = await db.savedView.update({ where: { id: before.id }, data: change, include: withOwner });
    return { before: item(before, actor), after: item(after, actor) };
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(change.name ?? "", before.ownerId === actor.userId);
    throw e;
  }
}

const isRestrictViolation = (e: unknown) => ["P2003", "P2014"].includes((e as { code?: string }).code ?? "");

async function inUse(id: string, name: string): Promise<DomainError | null> {
  const rules = await db.alertRule.findMany({ where: { viewId: id }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (rules.length === 0) return null;
  const names = rules.map((r) => `"${r.name}"`).join(", ");
  return new DomainError(
    "conflict",
    "View in use",
    `${rules.length === 1 ? "The alert rule" : "The alert rules"} ${names} ${rules.length === 1 ? "watches" : "watch"} "${name}": point ${rules.length === 1 ? "it" : "them"} at another view or delete ${rules.length === 1 ? "it" : "them"} first.`,
    { alertRules: rules },
  );
}

/** Deletes a view no alert rule watches, and takes it out of every digest that lists it. */
export async function deleteView(actor: ViewActor, id: string): Promise<SavedViewItem> {
  const row = await editable(actor, id);
  const blocked = await inUse(row.id, row.name);
  if (blocked) throw blocked;
  try {
    await db.$transaction([
      db.$executeRaw`UPDATE digest_subscriptions SET view_ids = array_remove(view_ids, ${row.id}::uuid), updated_at = now()
        WHERE ${row.id}::uuid = ANY(view_ids)`,
      db.savedView.delete({ where: { id: row.id } }),
    ]);
  } catch (e) {
    // A rule saved on it since the check above: the foreign key (RESTRICT) refused the deletion.
    if (isRestrictViolation(e)) throw (await inUse(row.id, row.name)) ?? e;
    throw e;
  }
  return item(row, actor);
}
