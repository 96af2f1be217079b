import { db, Prisma } from "@/lib/db/client";
import { whereAll } from "./conditions";
import { matchAll, matchedIds, type Search } from "./search";

// How many calls match a list's filters: exact up to a cap (a count over a
// LIMIT cap + 1 subquery, so it never reads more than cap + 1 matches), above
// it the planner's estimate, which the page shows as "10,000+".

export const COUNT_CAP = 10_000;

export interface CallTotal {
  count: number;
  exact: boolean;
}

interface PlanNode {
  Plan: { "Plan Rows": number };
}

/** The calls matching `where` (and `search`), counted up to `cap`. */
export async function countCalls(where: Prisma.Sql[], search: Search | null = null, cap = COUNT_CAP): Promise<CallTotal> {
  // A word search counts the union of what each text index matches, each read
  // for at most cap + 1 calls: one condition OR-ing both would scan calls.
  const rows =
    search?.kind === "words"
      ? matchedIds(search, where, cap + 1)
      : Prisma.sql`SELECT 1 FROM calls c ${whereAll(search ? [...where, matchAll(search)] : where)} LIMIT ${cap + 1}`;
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${rows}) x`;
  if (n <= cap) return { count: n, exact: true };
  const all = search ? [...where, matchAll({ ...search, ...(search.kind === "words" ? { rare: false } : {}) })] : where;
  const [plan] = await db.$queryRaw<{ "QUERY PLAN": PlanNode[] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM calls c ${whereAll(all)}`;
  const estimate = Math.round(plan["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
  return { count: Math.max(cap + 1, estimate), exact: false };
}
