import { db, type Prisma } from "@/lib/db/client";
import { COUNT_CAP, type ListTotal } from "@/lib/lists/total";

// The total of a list filtered by variables alone (with a period and vendors), counted in call_variables
// (lib/calls/variable-page.ts): as countCalls does over the calls, exact up to the cap, above it the
// planner's estimate, and the estimate alone when it is far above the cap.

const FAR_ABOVE = 3;

interface PlanNode {
  Plan: { "Plan Rows": number };
}

export async function countVariableMatches(matches: Prisma.Sql, cap = COUNT_CAP): Promise<ListTotal> {
  const [plan] = await db.$queryRaw<{ "QUERY PLAN": PlanNode[] }[]>`EXPLAIN (FORMAT JSON) ${matches}`;
  const estimate = Math.round(plan["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
  if (estimate > FAR_ABOVE * cap) return { count: estimate, exact: false };
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${matches} LIMIT ${cap + 1}) x`;
  return n <= cap ? { count: n, exact: true } : { count: Math.max(cap + 1, estimate), exact: false };
}
