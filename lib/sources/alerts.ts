import { v7 as uuidv7 } from "uuid";
import { db } from "@/lib/db/client";
import type { SourceAlertColumns } from "@/lib/db/columns";
import { inTransaction } from "@/lib/db/pool";
import { logger } from "@/lib/log";
import type { SourceHealth } from "./health";

// Alerts are kept as rows so that opening one is an event (shown on the
// overview now, forwarded to destinations once those exist) and so that a
// condition that persists is one alert, not one per check.

/**
 * Opens the alerts the sources deserve and resolves those they no longer do.
 * Serialized by a lock, so that two processes checking at once open one alert.
 */
export async function syncAlerts(sources: SourceHealth[], now = new Date()): Promise<{ openedIds: string[]; resolved: number }> {
  return inTransaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('source-alerts', 0))");
    const { rows: open } = await client.query<Pick<SourceAlertColumns, "id" | "source_id" | "kind">>(
      "SELECT id, source_id, kind FROM source_alerts WHERE resolved_at IS NULL",
    );
    const openedIds: string[] = [];
    let resolved = 0;
    for (const source of sources) {
      for (const alert of source.alerts) {
        if (open.some((o) => o.source_id === source.id && o.kind === alert.kind)) continue;
        const id = uuidv7();
        await client.query("INSERT INTO source_alerts (id, source_id, kind, detail, opened_at) VALUES ($1, $2, $3, $4, $5)", [
          id,
          source.id,
          alert.kind,
          alert.detail,
          now,
        ]);
        logger.warn({ source: source.slug, kind: alert.kind, detail: alert.detail }, "source alert opened");
        openedIds.push(id);
      }
    }
    for (const o of open) {
      const source = sources.find((s) => s.id === o.source_id);
      if (source?.alerts.some((a) => a.kind === o.kind)) continue;
      await client.query("UPDATE source_alerts SET resolved_at = $2 WHERE id = $1", [o.id, now]);
      logger.info({ sourceId: o.source_id, kind: o.kind }, "source alert resolved");
      resolved++;
    }
    return { openedIds, resolved };
  });
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
