import { db, type Prisma } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { mailConfigured } from "@/lib/mail/send";
import { ALERT_KIND_IDS } from "@/lib/destinations/kinds/lookup";
import { describeRule, type Comparison, type Metric } from "./catalog";
import { ruleProblems, type RuleChange, type RuleInput } from "./schemas";

// Alert rules: each manager's own; admins see and change everyone's. A
// manager asking for someone else's rule is told it does not exist.

export interface Actor {
  id: string;
  role: string;
}

const include = {
  owner: { select: { id: true, email: true, name: true } },
  view: { select: { id: true, name: true } },
  alerts: { where: { resolvedAt: null }, take: 1, select: { id: true, openedAt: true, value: true } },
} as const;

type Row = Prisma.AlertRuleGetPayload<{ include: typeof include }>;

export interface RuleView {
  id: string;
  name: string;
  owner: { id: string; email: string; name: string | null };
  viewId: string | null;
  viewName: string | null;
  metric: Metric;
  trackerId: string | null;
  trackerName: string | null;
  sourceId: string | null;
  sourceName: string | null;
  windowMinutes: number;
  comparison: Comparison;
  threshold: number;
  minCount: number;
  cooldownMinutes: number;
  email: boolean;
  destinationIds: string[];
  enabled: boolean;
  description: string;
  /** The open alert, if the condition holds now. */
  open: { id: string; openedAt: string; value: number } | null;
  lastEvaluatedAt: string | null;
  lastValue: number | null;
  lastDetail: string | null;
  /** Why the rule was skipped at its last evaluation. */
  lastError: string | null;
  createdAt: string;
}

async function views(rows: Row[]): Promise<RuleView[]> {
  const [trackers, sources] = await Promise.all([
    db.tracker.findMany({ where: { id: { in: rows.flatMap((r) => (r.trackerId ? [r.trackerId] : [])) } }, select: { id: true, name: true } }),
    db.source.findMany({ where: { id: { in: rows.flatMap((r) => (r.sourceId ? [r.sourceId] : [])) } }, select: { id: true, name: true } }),
  ]);
  return rows.map((r) => {
    const trackerName = trackers.find((t) => t.id === r.trackerId)?.name ?? null;
    const sourceName = sources.find((s) => s.id === r.sourceId)?.name ?? null;
    const metric = r.metric as Metric;
    const comparison = r.comparison as Comparison;
    const open = r.alerts[0];
    return {
      id: r.id,
      name: r.name,
      owner: r.owner,
      viewId: r.viewId,
      viewName: r.view?.name ?? null,
      metric,
      trackerId: r.trackerId,
      trackerName,
      sourceId: r.sourceId,
      sourceName,
      windowMinutes: r.windowMinutes,
      comparison,
      threshold: r.threshold,
      minCount: r.minCount,
      cooldownMinutes: r.cooldownMinutes,
      email: r.email,
      destinationIds: r.destinationIds,
      enabled: r.enabled,
      description: describeRule({ ...r, metric, comparison, viewName: r.view?.name ?? null, trackerName, sourceName }),
      open: open ? { id: open.id, openedAt: open.openedAt.toISOString(), value: open.value } : null,
      lastEvaluatedAt: r.lastEvaluatedAt?.toISOString() ?? null,
      lastValue: r.lastValue,
      lastDetail: r.lastDetail,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function listRules(actor: Actor): Promise<RuleView[]> {
  const rows = await db.alertRule.findMany({
    where: actor.role === "admin" ? {} : { ownerId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include,
  });
  return views(rows);
}

type Rule = RuleInput & { email: boolean };

const invalid = (field: string, message: string) => new DomainError("invalid", "Invalid alert rule", message, { errors: [{ field, message }] });

/** What the rule names exists and its owner may use it. */
async function checkRefs(ownerId: string, r: Rule, emailChanged: boolean): Promise<void> {
  const problem = ruleProblems(r)[0];
  if (problem) throw invalid(problem.path, problem.message);
  if (r.viewId) {
    const view = await db.savedView.findUnique({ where: { id: r.viewId }, select: { ownerId: true, shared: true } });
    if (!view || (view.ownerId !== ownerId && !view.shared)) throw invalid("viewId", "No saved view of yours or shared with the team has that id.");
  }
  if (r.trackerId && r.metric === "tracker_mentions" && !(await db.tracker.findUnique({ where: { id: r.trackerId }, select: { id: true } })))
    throw invalid("trackerId", "No tracker has that id.");
  if (r.sourceId && r.metric === "source_silence" && !(await db.source.findUnique({ where: { id: r.sourceId }, select: { id: true } })))
    throw invalid("sourceId", "No source has that id.");
  if (r.destinationIds.length) {
    const found = await db.destination.findMany({ where: { id: { in: r.destinationIds } }, select: { id: true, kind: true, name: true } });
    const missing = r.destinationIds.find((id) => !found.some((d) => d.id === id));
    if (missing) throw invalid("destinationIds", `No destination has the id "${missing}".`);
    const unfit = found.find((d) => !ALERT_KIND_IDS.includes(d.kind));
    if (unfit) throw invalid("destinationIds", `'${unfit.name}' cannot take alerts: choose Slack or webhook destinations (a CRM takes calls only).`);
  }
  if (r.email && emailChanged && !mailConfigured()) throw invalid("email", "Email is not set up on this server (SMTP_URL): send alerts to Slack or a webhook.");
}

/** Only what the rule needs: a tracker for tracker mentions, a source for silence. */
const tidy = (r: RuleInput): Rule => ({
  ...r,
  email: r.email ?? mailConfigured(),
  trackerId: r.metric === "tracker_mentions" ? r.trackerId : null,
  sourceId: r.metric === "source_silence" ? r.sourceId : null,
  destinationIds: [...new Set(r.destinationIds)],
});

/**
 * A team's Slack channel or webhook is set up by admins for what they chose to send there; a rule posting to one is
 * theirs to add (anyone's rule may email its owner).
 */
function checkDestinationsAllowed(actor: Actor, before: string[], after: string[]): void {
  const added = after.filter((id) => !before.includes(id));
  if (added.length && actor.role !== "admin")
    throw invalid("destinationIds", "Sending alerts to a team's Slack or webhook destination is for admins to set up: your alerts come by email.");
}

export async function createRule(actor: Actor, input: RuleInput): Promise<RuleView> {
  const rule = tidy(input);
  await checkRefs(actor.id, rule, input.email === true);
  checkDestinationsAllowed(actor, [], rule.destinationIds);
  const created = await db.alertRule.create({ data: { ...rule, ownerId: actor.id }, include });
  return (await views([created]))[0];
}

/** The rule, if the actor may see it (its owner, or an admin). */
async function ownRule(actor: Actor, id: string): Promise<Row> {
  const row = await db.alertRule.findUnique({ where: { id }, include });
  if (!row || (row.ownerId !== actor.id && actor.role !== "admin")) throw notFound("alert rule", id);
  return row;
}

export async function getRule(actor: Actor, id: string): Promise<RuleView> {
  return (await views([await ownRule(actor, id)]))[0];
}

export async function updateRule(actor: Actor, id: string, change: RuleChange): Promise<{ before: RuleView; after: RuleView }> {
  const row = await ownRule(actor, id);
  const [before] = await views([row]);
  const rule = tidy({
    name: change.name ?? row.name,
    viewId: change.viewId !== undefined ? change.viewId : row.viewId,
    metric: change.metric ?? (row.metric as Metric),
    trackerId: change.trackerId !== undefined ? change.trackerId : row.trackerId,
    sourceId: change.sourceId !== undefined ? change.sourceId : row.sourceId,
    windowMinutes: change.windowMinutes ?? row.windowMinutes,
    comparison: change.comparison ?? (row.comparison as Comparison),
    threshold: change.threshold ?? row.threshold,
    minCount: change.minCount ?? row.minCount,
    cooldownMinutes: change.cooldownMinutes ?? row.cooldownMinutes,
    email: change.email ?? row.email,
    destinationIds: change.destinationIds ?? row.destinationIds,
    enabled: change.enabled ?? row.enabled,
  });
  // Turning a rule off or renaming it must work whatever became of what it names (a view unshared, a destination deleted).
  const touchesRefs = Object.keys(change).some((key) => key !== "enabled" && key !== "name");
  if (touchesRefs) await checkRefs(row.ownerId, rule, change.email === true && !row.email);
  checkDestinationsAllowed(actor, row.destinationIds, rule.destinationIds);
  await db.$transaction(async (tx) => {
    await tx.alertRule.update({ where: { id }, data: { ...rule, ...(rule.enabled ? {} : { lastError: null }) } });
    // A rule turned off is not evaluated: its open alert would stay open for ever. It closes, without a notice
    // (marked as mailed, so the mail sweep does not send a "Cleared" for it).
    if (!rule.enabled) {
      const now = new Date();
      await tx.metricAlert.updateMany({ where: { ruleId: id, resolvedAt: null }, data: { resolvedAt: now, clearedMailAt: now } });
    }
  });
  return { before, after: await getRule(actor, id) };
}

export async function deleteRule(actor: Actor, id: string): Promise<RuleView> {
  const row = await ownRule(actor, id);
  const [view] = await views([row]);
  await db.alertRule.delete({ where: { id } });
  return view;
}
