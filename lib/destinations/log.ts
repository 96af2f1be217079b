import { z } from "zod";
import { after, decodeCursor, keysetPage } from "@/lib/calls/cursor";
import { db } from "@/lib/db/client";
import { cappedTotal, COUNT_CAP } from "@/lib/lists/total";

// The delivery log: per destination (newest first, paged) and per call.

const select = {
  id: true,
  kind: true,
  callId: true,
  alertId: true,
  status: true,
  attempts: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  responseCode: true,
  responseExcerpt: true,
  deliveredAt: true,
  createdAt: true,
  destination: { select: { id: true, name: true, kind: true } },
  call: { select: { customerName: true, customerPhone: true } },
} as const;

/** A page of a destination's deliveries, with how many match (counted up to the cap, beside the page). */
export async function listDeliveries(opts: { destinationId: string; status?: string; cursor?: string; limit?: number }) {
  const limit = opts.limit ?? 50;
  const where = { destinationId: opts.destinationId, ...(opts.status ? { status: opts.status as never } : {}) };
  const [rows, counted] = await Promise.all([
    db.delivery.findMany({
      where: { ...where, ...after("createdAt", decodeCursor(opts.cursor)) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select,
    }),
    db.delivery.count({ where, take: COUNT_CAP + 1 }),
  ]);
  return { ...keysetPage(rows, limit, (r) => ({ at: r.createdAt, id: r.id })), total: cappedTotal(counted) };
}

export function callDeliveries(callId: string) {
  return db.delivery.findMany({ where: { callId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, select });
}

export type DeliveryRow = Awaited<ReturnType<typeof callDeliveries>>[number];

/** One delivery's latest state, or null (also for an id that cannot be one). */
export function getDelivery(id: string) {
  return z.uuid().safeParse(id).success ? db.delivery.findUnique({ where: { id } }) : Promise.resolve(null);
}
