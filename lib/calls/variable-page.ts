import { Prisma } from "@/lib/db/client";
import type { CallFilters } from "./filters";
import { fromInstant, periodStart, toInstant } from "./period";
import { decodeCallCursor, type CallCursor } from "./sort";
import { variableTests, type VariableFilter } from "./variable-filters";

// A page of calls filtered by variables alone (with a period and vendors), newest or oldest first, is read from
// call_variables in the list's own order: the first filter's index walks its matches by time (started_at is
// kept beside each value), the others are checked per match, and only the page's calls are then read. Walking
// the calls instead would read thousands of them when a few in a thousand match (bench:queries, "list, var").
// Any other filter, a search or the score order: the page is read the usual way (the EXISTS conditions alone).
// The total of such a list is counted there too (lib/calls/variable-count.ts).

/** Filters that this page can be read with; anything else set means the usual way. */
const ALONE = new Set<string>(["vars", "provider", "from", "to", "period", "sort", "limit", "cursor"]);

/** Equals first (its index is in time order for one value), then at least / at most, contains last. */
const DRIVE_ORDER: Record<VariableFilter["op"], number> = { eq: 0, gte: 1, lte: 1, contains: 2 };

/**
 * The conditions on call_variables `v` that find the calls matching these filters, or null where the filters
 * are not variables (with a period and vendors) alone. Its driving key: equals first, and so on.
 */
function aloneMatches(filters: CallFilters, zone: string): Prisma.Sql[] | null {
  const vars = filters.vars;
  if (!vars?.length) return null;
  if (Object.entries(filters).some(([name, value]) => value !== undefined && !ALONE.has(name))) return null;
  const driver = [...vars].sort((a, b) => DRIVE_ORDER[a.op] - DRIVE_ORDER[b.op])[0];
  const where: Prisma.Sql[] = [Prisma.sql`v.key = ${driver.key}`, ...variableTests(vars.filter((f) => f.key === driver.key))];
  for (const [key, filters] of byKey(vars.filter((f) => f.key !== driver.key))) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM call_variables w WHERE w.call_id = v.call_id AND w.key = ${key} AND ${Prisma.join(variableTests(filters, "w"), " AND ")})`,
    );
  }
  if (filters.provider) where.push(Prisma.sql`v.provider IN (${Prisma.join(filters.provider)})`);
  if (filters.from) where.push(Prisma.sql`v.started_at >= ${fromInstant(filters.from, zone)}`);
  if (filters.to) where.push(Prisma.sql`v.started_at < ${toInstant(filters.to, zone)}`);
  if (filters.period && !filters.from && !filters.to) where.push(Prisma.sql`v.started_at >= ${periodStart(filters.period, zone)}`);
  return where;
}

/**
 * A condition for the page's query only (never for its total): the ids of the page's calls, at most `limit`
 * + 1 of them, or null where it does not apply. The page's query keeps every other condition, so this only
 * narrows which calls it reads.
 */
export function variablePageIds(filters: CallFilters, zone: string): Prisma.Sql | null {
  if (filters.sort === "score") return null;
  const where = aloneMatches(filters, zone);
  const cursor = readCursor(filters);
  if (!where || cursor === undefined) return null; // a bad cursor is the page's to refuse (BadCursorError), as without variables
  const backwards = cursor?.way === "before";
  const newestFirst = (filters.sort !== "oldest") !== backwards;
  const dir = Prisma.raw(newestFirst ? "DESC" : "ASC");
  if (cursor) {
    const smaller = (filters.sort !== "oldest") === (cursor.way === "after");
    where.push(Prisma.sql`(v.started_at, v.call_id) ${Prisma.raw(smaller ? "<" : ">")} (${cursor.key.at}::timestamptz, ${cursor.key.id}::uuid)`);
  }
  return Prisma.sql`c.id IN (SELECT v.call_id FROM call_variables v WHERE ${Prisma.join(where, " AND ")}
    ORDER BY v.started_at ${dir}, v.call_id ${dir} LIMIT ${filters.limit + 1})`;
}

/** The matching calls, one row each, for counting them without reading the calls; null where it does not apply. */
export function variableMatches(filters: CallFilters, zone: string): Prisma.Sql | null {
  const where = aloneMatches(filters, zone);
  return where && Prisma.sql`SELECT 1 FROM call_variables v WHERE ${Prisma.join(where, " AND ")}`;
}

function readCursor(filters: CallFilters): CallCursor | null | undefined {
  try {
    return decodeCallCursor(filters.cursor, filters.sort);
  } catch {
    return undefined;
  }
}

function byKey(vars: VariableFilter[]): Map<string, VariableFilter[]> {
  const groups = new Map<string, VariableFilter[]>();
  for (const f of vars) groups.set(f.key, [...(groups.get(f.key) ?? []), f]);
  return groups;
}
