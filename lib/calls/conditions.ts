import { Prisma } from "@/lib/db/client";
import type { CallFilters } from "./filters";
import { fromInstant, periodStart, toInstant } from "./period";
import { CORRECTED, TO_REVIEW } from "@/lib/reviews/to-review";
import { trackerCondition } from "@/lib/trackers/filter";
import { variableConditions } from "./variable-filters";

// SQL conditions on `c` (calls) for every filter of the list but the text search.

export type ListFilters = Omit<CallFilters, "limit" | "cursor" | "q" | "sort" | "said">;

export function callConditions(f: ListFilters, zone: string): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.provider) where.push(Prisma.sql`c.provider IN (${Prisma.join(f.provider)})`);
  if (f.status) where.push(Prisma.sql`c.status IN (${Prisma.join(f.status)})`);
  if (f.sentiment) where.push(Prisma.sql`c.sentiment IN (${Prisma.join(f.sentiment)})`);
  if (f.outcome) where.push(Prisma.sql`c.outcome IN (${Prisma.join(f.outcome)})`);
  if (f.hot !== undefined) where.push(Prisma.sql`c.is_hot = ${f.hot}`);
  if (f.minScore !== undefined) where.push(Prisma.sql`c.lead_score >= ${f.minScore}`);
  if (f.from) where.push(Prisma.sql`c.started_at >= ${fromInstant(f.from, zone)}`);
  if (f.to) where.push(Prisma.sql`c.started_at < ${toInstant(f.to, zone)}`);
  // Explicit dates win over a relative period.
  if (f.period && !f.from && !f.to) where.push(Prisma.sql`c.started_at >= ${periodStart(f.period, zone)}`);
  // Case-insensitive, on the lower(...) expression indexes.
  if (f.campaign) where.push(Prisma.sql`lower(c.campaign) = lower(${f.campaign})`);
  if (f.agent) where.push(Prisma.sql`(lower(c.agent_name) = lower(${f.agent}) OR lower(c.agent_id) = lower(${f.agent}))`);
  if (f.reviewed) where.push(f.reviewed === "yes" ? Prisma.sql`c.reviewed_at IS NOT NULL` : Prisma.sql`c.reviewed_at IS NULL`);
  if (f.corrected) where.push(f.corrected === "yes" ? CORRECTED : Prisma.sql`NOT ${CORRECTED}`);
  if (f.review === "todo") where.push(TO_REVIEW);
  if (f.tracker) where.push(trackerCondition(f.tracker));
  where.push(...variableConditions(f.vars));
  return where;
}

export const whereAll = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty);
export const andAll = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`AND ${Prisma.join(where, " AND ")}` : Prisma.empty);
