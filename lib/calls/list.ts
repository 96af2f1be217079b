import { db, Prisma } from "@/lib/db/client";
import { decodeCursor, keysetPage } from "./cursor";
import { endOf, startOf, type CallFilters } from "./filters";
import { CALL_COLUMNS, toCallItem, type CallRow } from "./row";
import type { CallList } from "./schemas";

// The call list: newest first, filtered, paged by keyset (never OFFSET).

/** Conditions on `c` (calls) for every filter but the text search. */
function callConditions(f: Omit<CallFilters, "limit" | "cursor" | "q">): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.provider) where.push(Prisma.sql`c.provider IN (${Prisma.join(f.provider)})`);
  if (f.status) where.push(Prisma.sql`c.status IN (${Prisma.join(f.status)})`);
  if (f.sentiment) where.push(Prisma.sql`c.sentiment IN (${Prisma.join(f.sentiment)})`);
  if (f.outcome) where.push(Prisma.sql`c.outcome IN (${Prisma.join(f.outcome)})`);
  if (f.hot !== undefined) where.push(Prisma.sql`c.is_hot = ${f.hot}`);
  if (f.minScore !== undefined) where.push(Prisma.sql`c.lead_score >= ${f.minScore}`);
  if (f.from) where.push(Prisma.sql`c.started_at >= ${startOf(f.from)}`);
  if (f.to) where.push(Prisma.sql`c.started_at < ${endOf(f.to)}`);
  if (f.campaign) where.push(Prisma.sql`c.campaign = ${f.campaign}`);
  if (f.agent) where.push(Prisma.sql`(c.agent_name = ${f.agent} OR c.agent_id = ${f.agent})`);
  return where;
}

const NEWEST_FIRST = Prisma.sql`ORDER BY c.started_at DESC, c.id DESC`;
const and = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`AND ${Prisma.join(where, " AND ")}` : Prisma.empty);

/** Above this many matches a search word counts as common. */
const COMMON = 2000;

/**
 * Ids of calls whose summary or customer name (calls.search) or transcript
 * matches. Two strategies, chosen by a probe of both indexes (capped, so cheap):
 * a rare word takes all its matches from the GIN indexes; a common word takes
 * the newest `limit` of each branch by scanning newest-first, which ends soon
 * because matches are plentiful. Either alone is slow for the other kind.
 */
async function searchIds(q: string, where: Prisma.Sql[], limit: number): Promise<Prisma.Sql> {
  const query = Prisma.sql`websearch_to_tsquery('simple', ${q})`;
  const [probe] = await db.$queryRaw<{ rare: boolean }[]>`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM calls WHERE search @@ ${query} LIMIT ${COMMON}) a) < ${COMMON}
       AND (SELECT count(*) FROM (SELECT 1 FROM transcripts WHERE search @@ ${query} LIMIT ${COMMON}) b) < ${COMMON} AS rare`;
  if (probe.rare) {
    return Prisma.sql`SELECT id FROM calls WHERE search @@ ${query} UNION SELECT call_id FROM transcripts WHERE search @@ ${query}`;
  }
  return Prisma.sql`
    (SELECT c.id FROM calls c WHERE c.search @@ ${query} ${and(where)} ${NEWEST_FIRST} LIMIT ${limit})
    UNION
    (SELECT c.id FROM transcripts t JOIN calls c ON c.id = t.call_id WHERE t.search @@ ${query} ${and(where)} ${NEWEST_FIRST} LIMIT ${limit})`;
}

export async function listCalls(filters: CallFilters): Promise<CallList> {
  const where = callConditions(filters);
  const start = decodeCursor(filters.cursor);
  if (start) where.push(Prisma.sql`(c.started_at, c.id) < (${start.at}, ${start.id}::uuid)`);
  const limit = filters.limit + 1;
  const matching = filters.q ? [...where, Prisma.sql`c.id IN (${await searchIds(filters.q, where, limit)})`] : where;
  const rows = await db.$queryRaw<CallRow[]>`
    SELECT ${CALL_COLUMNS}
    FROM calls c JOIN sources s ON s.id = c.source_id
    ${matching.length ? Prisma.sql`WHERE ${Prisma.join(matching, " AND ")}` : Prisma.empty}
    ${NEWEST_FIRST}
    LIMIT ${limit}`;

  const page = keysetPage(rows, filters.limit, (r) => ({ at: r.started_at, id: r.id }));
  return { items: page.items.map(toCallItem), nextCursor: page.nextCursor };
}
