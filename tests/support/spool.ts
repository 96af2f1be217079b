import pg from "pg";
import { startStack, type Stack } from "./stack";
import { postWebhook } from "./webhook";

// A stack of its own for the spool's tests, whose database and app they stop,
// kill and start, and what they check after: the spool drained, each answer's
// event stored once.

export interface Answer {
  status: number;
  body: { status?: string; eventId?: string; callId?: string; detail?: string };
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function spoolStack(): Promise<{ stack: Stack; db: pg.Pool; stop: () => Promise<void> }> {
  const stack = await startStack({ quiet: true });
  const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  db.on("error", () => {}); // its idle connections die with the database
  return { stack, db, stop: async () => void (await Promise.all([db.end(), stack.stop()])) };
}

export async function send(baseUrl: string, slug: string, body: unknown): Promise<Answer> {
  const res = await postWebhook(baseUrl, slug, body);
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

/**
 * Waits until the app's spool is empty and the database answers, then until
 * every id is a processed raw event. Gives up after `withinMs`, saying how far
 * the drain got, so that a slow drain and a stuck one can be told apart.
 */
export async function drained(db: pg.Pool, baseUrl: string, eventIds: string[], withinMs = 120_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  let last = "the app did not answer";
  while (Date.now() < deadline) {
    const health = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.json() as Promise<{ ok: boolean; spool: { files: number; bytes?: number } | null }>,
      () => null,
    );
    if (health) last = `health ${JSON.stringify(health)}`;
    if (health?.ok && health.spool?.files === 0) {
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM raw_events WHERE id = ANY($1::uuid[]) AND status <> 'received'", [
        eventIds,
      ]);
      if (rows[0].n === eventIds.length) return;
      last = `${rows[0].n} of ${eventIds.length} events processed`;
    }
    await pause(200);
  }
  throw new Error(`the spool did not drain within ${withinMs / 1000} s: ${last}`);
}

/** How many raw events and distinct calls the answers' event ids became. */
export async function stored(db: pg.Pool, eventIds: string[]): Promise<{ events: number; calls: number }> {
  const { rows } = await db.query<{ events: number; calls: number }>(
    "SELECT count(*)::int AS events, count(DISTINCT call_id)::int AS calls FROM raw_events WHERE id = ANY($1::uuid[])",
    [eventIds],
  );
  return rows[0];
}
