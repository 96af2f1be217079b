import { pingDatabase } from "@/lib/db/ping";
import { spoolStatus } from "@/lib/ingest/spool/status";

// Liveness, database reachability and the local spool of webhooks waiting for
// the database, for process managers, monitors and the test harness. No
// authentication: it says nothing about calls or sources.
export async function GET(): Promise<Response> {
  const spool = await spoolStatus().catch(() => null);
  try {
    await pingDatabase();
    return Response.json({ ok: true, spool });
  } catch {
    return Response.json({ ok: false, detail: "The database is unreachable; webhooks are kept in the local spool.", spool }, { status: 503 });
  }
}
