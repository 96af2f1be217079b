import { appUrl } from "@/lib/api/app-url";
import { pool } from "@/lib/db/pool";
import type { CallColumns } from "@/lib/db/columns";
import { readTimeZone } from "@/lib/settings/time-zone";
import { csvRows } from "./csv-cells";
import type { CallFilters } from "./filters";
import { listCalls } from "./list";
import type { CallListItem } from "./schemas";
import { isoInZone } from "./zoned-time";

// The call list as CSV, streamed page by page (keyset, 1,000 rows at a time),
// so an export of any size never sits in memory. Times are in the
// organisation's time zone with their offset; each row links to its call;
// test calls (admin's "Send test event") are left out.

type Column = [string, (c: CallListItem, zone: string) => unknown];

const COLUMNS: Column[] = [
  ["id", (c) => c.id],
  ["started_at", (c, zone) => isoInZone(c.startedAt, zone)],
  ["provider", (c) => c.provider],
  ["direction", (c) => c.direction],
  ["status", (c) => c.status],
  ["duration_sec", (c) => c.durationSec],
  ["customer_name", (c) => c.customer.name],
  ["customer_phone", (c) => c.customer.phone],
  ["customer_email", (c) => c.customer.email],
  ["customer_company", (c) => c.customer.company],
  ["agent", (c) => c.agent],
  ["campaign", (c) => c.campaign],
  ["outcome", (c) => c.outcome],
  ["outcome_raw", (c) => c.outcomeRaw],
  ["sentiment", (c) => c.sentiment],
  ["interest_level", (c) => c.interestLevel],
  ["lead_score", (c) => c.leadScore],
  ["is_hot", (c) => c.isHot],
  ["reviewed", (c) => c.reviewed],
  ["corrected", (c) => c.corrected],
  ["next_action", (c) => c.nextAction],
  ["callback_at", (c, zone) => isoInZone(c.callbackAt, zone)],
  ["summary", (c) => c.summary],
  ["trackers", (c) => (c.trackers ?? []).map((t) => t.name).join("; ")],
  ["link", (c) => appUrl(`/calls/${c.id}`)],
];

/** Which of `ids` are test calls (one indexed look-up per page). */
async function testCallIds(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await pool.query<Pick<CallColumns, "id">>("SELECT id FROM calls WHERE id = ANY($1::uuid[]) AND is_test", [ids]);
  return new Set(rows.map((r) => r.id));
}

export function exportCallsCsv(filters: Omit<CallFilters, "limit" | "cursor">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | null | undefined;
  let zone: string | null = null;
  return new ReadableStream({
    async pull(controller) {
      if (zone === null) {
        zone = await readTimeZone();
        controller.enqueue(encoder.encode(csvRows([COLUMNS.map(([name]) => name)])));
      }
      const page = await listCalls({ ...filters, limit: 1000, cursor: cursor ?? undefined }, { total: false, snippets: false });
      const tests = await testCallIds(page.items.map((c) => c.id));
      const rows = page.items.filter((c) => !tests.has(c.id)).map((c) => COLUMNS.map(([, get]) => get(c, zone!)));
      controller.enqueue(encoder.encode(csvRows(rows)));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
}
