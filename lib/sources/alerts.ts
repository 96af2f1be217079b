import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import type { SourceHealth } from "./health";

// Alerts are kept as rows so that opening one is an event (shown on the
// overview now, forwarded to destinations once those exist) and so that a
// condition that persists is one alert, not one per check.

/** Opens the alerts the sources deserve and resolves those they no longer do. */
export async function syncAlerts(sources: SourceHealth[], now = new Date()): Promise<{ opened: number; resolved: number }> {
  const open = await db.sourceAlert.findMany({ where: { resolvedAt: null } });
  let opened = 0;
  let resolved = 0;
  for (const source of sources) {
    for (const alert of source.alerts) {
      if (open.some((o) => o.sourceId === source.id && o.kind === alert.kind)) continue;
      await db.sourceAlert.create({ data: { sourceId: source.id, kind: alert.kind, detail: alert.detail, openedAt: now } });
      logger.warn({ source: source.slug, kind: alert.kind, detail: alert.detail }, "source alert opened");
      opened++;
    }
  }
  for (const o of open) {
    const source = sources.find((s) => s.id === o.sourceId);
    if (source?.alerts.some((a) => a.kind === o.kind)) continue;
    await db.sourceAlert.update({ where: { id: o.id }, data: { resolvedAt: now } });
    logger.info({ sourceId: o.sourceId, kind: o.kind }, "source alert resolved");
    resolved++;
  }
  return { opened, resolved };
}

export interface OpenAlert {
  id: string;
  kind: string;
  detail: string;
  openedAt: Date;
  source: { slug: string; name: string };
}

export function listOpenAlerts(): Promise<OpenAlert[]> {
  return db.sourceAlert.findMany({
    where: { resolvedAt: null },
    orderBy: { openedAt: "desc" },
    select: { id: true, kind: true, detail: true, openedAt: true, source: { select: { slug: true, name: true } } },
  });
}
