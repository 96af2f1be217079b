import { Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/rows";
import { COUNT_CAP, type ListTotal } from "@/lib/lists/total";
import { estimateOf } from "./count";

// The total of a list filtered by variables alone (with a period and vendors), counted in call_variables
// (lib/calls/variable-page.ts): as countCalls does over the calls, exact up to the cap, above it the
// planner's estimate, and the estimate alone when it is far above the cap.

const FAR_ABOVE = 3;

export async function countVariableMatches(matches: Prisma.Sql, cap = COUNT_CAP): Promise<ListTotal> {
  const estimate = await estimateOf(matches);
  if (estimate > FAR_ABOVE * cap) return { count: estimate, exact: false };
  const [{ n }] = await sqlRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM (${matches} LIMIT ${cap + 1}) x`);
  return n <= cap ? { count: n, exact: true } : { count: Math.max(cap + 1, estimate), exact: false };
}
