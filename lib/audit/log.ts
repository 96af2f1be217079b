import { cappedTotal, COUNT_CAP } from "@/lib/lists/total";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { after, decodeCursor, keysetPage } from "@/lib/calls/cursor";
import { logger } from "@/lib/log";
import { maskSecrets } from "./mask";

// The audit log: every change an admin makes, and managers' follow-up actions
// and call reviews, recorded by the route that made it, after it succeeded. Read newest first, filtered by action or by person.

export interface AuditInput {
  actor: { id: string; email: string };
  action: string;
  target: { type: string; id?: string | null; name?: string | null };
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? undefined : (maskSecrets(JSON.parse(JSON.stringify(value))) as Prisma.InputJsonValue));

export async function recordAudit(entry: AuditInput): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      targetName: entry.target.name ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
  logger.info({ action: entry.action, target: entry.target, actorId: entry.actor.id }, "audit");
}

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export async function listAudit(query: AuditQuery) {
  const where: Prisma.AuditEntryWhereInput = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor ? { actorEmail: { contains: query.actor, mode: "insensitive" } } : {}),
  };
  const [rows, counted] = await Promise.all([
    db.auditEntry.findMany({
      where: { ...where, ...after("at", decodeCursor(query.cursor)) },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: query.limit + 1,
    }),
    db.auditEntry.count({ where, take: COUNT_CAP + 1 }),
  ]);
  return { ...keysetPage(rows, query.limit, (r) => ({ at: r.at, id: r.id })), total: cappedTotal(counted) };
}

/** The actions recorded so far, for the filter. */
export async function auditActions(): Promise<string[]> {
  const rows = await db.auditEntry.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
