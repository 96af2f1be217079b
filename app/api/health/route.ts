import { pingDatabase } from "@/lib/db/ping";

// Liveness and database reachability, for process managers and the test harness.
export async function GET(): Promise<Response> {
  try {
    await pingDatabase();
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, detail: "The database is unreachable." }, { status: 503 });
  }
}
