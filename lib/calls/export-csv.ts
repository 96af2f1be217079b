import { csvRows } from "./csv-cells";
import type { CallFilters } from "./filters";
import { listCalls } from "./list";
import type { CallItem } from "./schemas";

// The call list as CSV, streamed page by page (keyset, 1,000 rows at a time),
// so an export of any size never sits in memory.

const COLUMNS: [string, (c: CallItem) => unknown][] = [
  ["id", (c) => c.id],
  ["started_at", (c) => c.startedAt],
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
  ["next_action", (c) => c.nextAction],
  ["callback_at", (c) => c.callbackAt],
  ["summary", (c) => c.summary],
];

export function exportCallsCsv(filters: Omit<CallFilters, "limit" | "cursor">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | null | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRows([COLUMNS.map(([name]) => name)])));
      }
      const page = await listCalls({ ...filters, limit: 1000, cursor: cursor ?? undefined }, { total: false });
      controller.enqueue(encoder.encode(csvRows(page.items.map((c) => COLUMNS.map(([, get]) => get(c))))));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
}
