import { after, decodeCursor, keysetPage } from "@/lib/calls/cursor";
import { db } from "@/lib/db/client";
import { deliveryKind } from "@/lib/destinations/delivery-kinds";
import { measuredText, valueText, type Metric } from "./catalog";
import type { Actor } from "./manage";
import type { AlertsQuery } from "./schemas";

// Alert history, newest first, paged by cursor: when each alert opened and
// cleared, the values, and where it was sent (the owner's email, each
// destination's delivery and how it went). Managers see their own rules' alerts.

export interface AlertItem {
  id: string;
  rule: { id: string; name: string; metric: Metric; owner: string };
  openedAt: string;
  resolvedAt: string | null;
  value: number;
  valueText: string;
  previousText: string | null;
  clearedValueText: string | null;
  /** "33% in the last hour". */
  measured: string;
  detail: string;
  email: { asked: boolean; openedSentAt: string | null; clearedSentAt: string | null; error: string | null };
  sentTo: { destination: string; what: string; status: string }[];
}

export async function listAlerts(actor: Actor, query: AlertsQuery): Promise<{ items: AlertItem[]; nextCursor: string | null }> {
  const where = {
    ...(actor.role === "admin" ? {} : { rule: { ownerId: actor.id } }),
    ...(query.open === "true" ? { resolvedAt: null } : query.open === "false" ? { resolvedAt: { not: null } } : {}),
    ...(query.ruleId ? { ruleId: query.ruleId } : {}),
  };
  const rows = await db.metricAlert.findMany({
    where: { ...where, ...after("openedAt", decodeCursor(query.cursor)) },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { rule: { select: { id: true, name: true, metric: true, windowMinutes: true, owner: { select: { email: true } } } } },
  });
  const page = keysetPage(rows, query.limit, (r) => ({ at: r.openedAt, id: r.id }));
  const deliveries = await db.delivery.findMany({
    where: { metricAlertId: { in: page.items.map((a) => a.id) } },
    orderBy: { createdAt: "asc" },
    select: { metricAlertId: true, kind: true, status: true, destination: { select: { name: true } } },
  });
  const items = page.items.map((a): AlertItem => {
    const metric = a.rule.metric as Metric;
    return {
      id: a.id,
      rule: { id: a.rule.id, name: a.rule.name, metric, owner: a.rule.owner.email },
      openedAt: a.openedAt.toISOString(),
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
      value: a.value,
      valueText: valueText(metric, a.value),
      previousText: a.previous === null ? null : valueText(metric, a.previous),
      clearedValueText: a.clearedValue === null ? null : valueText(metric, a.clearedValue),
      measured: measuredText(metric, a.value, a.rule.windowMinutes),
      detail: a.detail,
      email: { asked: a.email, openedSentAt: a.openedMailAt?.toISOString() ?? null, clearedSentAt: a.clearedMailAt?.toISOString() ?? null, error: a.mailError },
      sentTo: deliveries
        .filter((d) => d.metricAlertId === a.id)
        .map((d) => ({ destination: d.destination.name, what: deliveryKind(d.kind).logText ?? d.kind, status: d.status })),
    };
  });
  return { items, nextCursor: page.nextCursor };
}

/** Open alerts of the rules a viewer sees, for the overview. */
export function openAlerts(actor: Actor) {
  return listAlerts(actor, { open: "true", limit: 20 }).then((p) => p.items);
}
