import { db, Prisma } from "@/lib/db/client";
import { whereAll } from "./conditions";

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

export async function countCalls(where: Prisma.Sql[], cap = COUNT_CAP): Promise<CallTotal> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM calls c ${whereAll(where)} LIMIT ${cap + 1}) x`;
  if (n <= cap) return { count: n, exact: true };
  const [plan] = await db.$queryRaw<{ "QUERY PLAN": PlanNode[] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM calls c ${whereAll(where)}`;
  const estimate = Math.round(plan["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
  return { count: Math.max(cap + 1, estimate), exact: false };
}
