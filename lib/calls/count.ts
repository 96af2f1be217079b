import { Prisma } from "@/lib/db/client";
import { sqlRows, sqlRowsFromIndexes } from "@/lib/db/rows";
import { COUNT_CAP, type ListTotal } from "@/lib/lists/total";
import { whereAll } from "./conditions";
import { matchAll, matchedIds, type Search } from "./search";

// How many calls match a list's filters: exact up to a cap (a count over a
// LIMIT cap + 1 subquery, so it never reads more than cap + 1 matches), above
// it the planner's estimate, which the page shows as "10,000+". It runs beside
// the page's query, so it must be as quick.

/** An estimate this many times the cap is taken without counting. */
const FAR_ABOVE = 3;

export type CallTotal = ListTotal;

interface PlanNode {
  Plan: { "Plan Rows": number };
}

/** How many rows the planner expects `rows` to return. */
export const estimateOf = async (rows: Prisma.Sql): Promise<number> => {
  const [plan] = await sqlRows<{ "QUERY PLAN": PlanNode[] }>(Prisma.sql`EXPLAIN (FORMAT JSON) ${rows}`);
  return Math.round(plan["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
};

/** The calls matching `where` (and `search`), counted up to `cap`. */
export async function countCalls(where: Prisma.Sql[], search: Search | null = null, cap = COUNT_CAP): Promise<CallTotal> {
  if (search?.kind === "words" && !search.ids) return countCommonWords(search, where, cap);
  // A rare search holds its few matches already: with no other filter they are the total.
  if (search?.kind === "words" && search.ids && where.length === 0) return { count: search.ids.length, exact: search.ids.length <= cap };
  const all = search ? [...where, matchAll(search)] : where;
  // Far above the cap by the planner's estimate (good for these filters): counting to the cap would read cap + 1 rows for nothing.
  const estimate = await estimateOf(Prisma.sql`SELECT 1 FROM calls c ${whereAll(all)}`);
  if (estimate > FAR_ABOVE * cap) return { count: estimate, exact: false };
  const [{ n }] = await sqlRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM calls c ${whereAll(all)} LIMIT ${cap + 1}) x`);
  return n <= cap ? { count: n, exact: true } : { count: Math.max(cap + 1, estimate), exact: false };
}

/**
 * A common word search (thousands of matches in a text index): the planner's
 * estimate when it is well above the cap (its guesses for common words are
 * close: reading tens of thousands of matches to confirm it would slow the
 * page), else the union of what each index matches, each read for at most
 * cap + 1 calls, from the index (the planner would scan calls for a prefix).
 */
async function countCommonWords(search: Extract<Search, { kind: "words" }>, where: Prisma.Sql[], cap: number): Promise<CallTotal> {
  const estimate = await estimateOf(matchedIds(search, where, null));
  if (estimate > FAR_ABOVE * cap) return { count: estimate, exact: false };
  const [{ n }] = await sqlRowsFromIndexes<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM (${matchedIds(search, where, cap + 1)}) x`);
  return n <= cap ? { count: n, exact: true } : { count: Math.max(cap + 1, estimate), exact: false };
}
