import type { RawEventColumns } from "@/lib/db/columns";
import { pool } from "@/lib/db/pool";
import { replayRawEvent } from "./replay";

// A raw event is committed before it is processed; if the process dies or the
// database goes away in between, it stays "received". The maintenance round
// processes those, oldest first, once they are clearly not in flight.

/** Processes events left "received" for over two minutes (at most 200 a round); returns how many. */
export async function processLeftBehind(): Promise<number> {
  const { rows } = await pool.query<Pick<RawEventColumns, "id">>(
    `SELECT id FROM raw_events
     WHERE status = 'received' AND received_at < now() - interval '2 minutes' AND received_at > now() - interval '7 days'
     ORDER BY received_at LIMIT 200`,
  );
  for (const { id } of rows) await replayRawEvent(id);
  return rows.length;
}
