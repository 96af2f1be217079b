import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderId } from "@/lib/providers/lookup";
import { fixture } from "../support/fixtures";
import { startStack, type Stack } from "../support/stack";
import { payloadWithId } from "../support/vendor-payloads";
import { postWebhook } from "../support/webhook";
import { uniq } from "../support/http";

// While Postgres is away, webhooks are kept in the app's local spool and
// answered 202 "queued"; once it is back each becomes exactly one call, in
// arrival order, even across a crash of the app (SIGKILL) while the spool
// holds events or drains them.

interface Answer {
  status: number;
  body: { status?: string; eventId?: string; callId?: string };
}

const VENDORS: ProviderId[] = ["cllr", "hooman", "autocalls", "hubtalk"];
let stack: Stack;
let db: pg.Pool;

async function send(slug: string, body: unknown, baseUrl = stack.app.baseUrl): Promise<Answer> {
  const res = await postWebhook(baseUrl, slug, body);
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the spool is empty and the database answers, then until `ids` are all stored events. */
async function drained(eventIds: string[], baseUrl = stack.app.baseUrl) {
  for (let i = 0; i < 600; i++) {
    const health = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.json() as Promise<{ ok: boolean; spool: { files: number } }>,
      () => null,
    );
    if (health?.ok && health.spool.files === 0) {
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM raw_events WHERE id = ANY($1::uuid[]) AND status <> 'received'", [
        eventIds,
      ]);
      if (rows[0].n === eventIds.length) return;
    }
    await pause(200);
  }
  throw new Error("the spool did not drain within 2 minutes");
}

/** How many raw events and calls the answers' event ids became. */
async function stored(eventIds: string[]) {
  const { rows } = await db.query<{ events: number; calls: number }>(
    "SELECT count(*)::int AS events, count(DISTINCT call_id)::int AS calls FROM raw_events WHERE id = ANY($1::uuid[])",
    [eventIds],
  );
  return rows[0];
}

beforeAll(async () => {
  stack = await startStack({ quiet: true });
  db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  db.on("error", () => {}); // its idle connections die with the database
}, 240_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

// TEST_DATABASE_URL: a server the tests cannot stop.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("webhooks while the database is away", () => {
  it("keeps every webhook of a 30 s outage under steady load and stores each once, in order per call", async () => {
    const run = uniq("out");
    const answers: Answer[] = [];
    let n = 0;
    let sending = true;
    const load = (async () => {
      while (sending) {
        const vendor = VENDORS[n % VENDORS.length];
        answers.push(await send(vendor, payloadWithId(vendor, n % 40, `${run}-${n}`)));
        n++;
        await pause(40);
      }
    })();

    await pause(1000);
    await stack.database!.stop();
    // One call's versions arrive during the outage: running, done, then running again, late.
    const task = uniq("tsk");
    const running = { task_id: task, status: "running", input: { contact_number: "+14155550142" } };
    const done = { ...fixture<Record<string, unknown>>("unpod/forwarded-task.json"), task_id: task };
    const versions = [await send("unpod", running), await send("unpod", done)];
    await pause(30_000);
    versions.push(await send("unpod", running));
    await stack.database!.start();
    await pause(2000);
    sending = false;
    await load;

    const accepted = [...answers, ...versions].filter((a) => a.status >= 200 && a.status < 300);
    expect(accepted.length).toBe(answers.length + versions.length);
    const queued = accepted.filter((a) => a.body.status === "queued");
    expect(queued.length).toBeGreaterThan(200);
    expect(versions.map((v) => v.body.status)).toEqual(["queued", "queued", "queued"]);

    const eventIds = accepted.map((a) => a.body.eventId!);
    await drained(eventIds);
    expect(await stored(eventIds)).toEqual({ events: eventIds.length, calls: answers.length + 1 });
    const { rows } = await db.query<{ status: string; versions: number }>(
      "SELECT c.status, (SELECT count(*)::int FROM raw_events e WHERE e.call_id = c.id) AS versions FROM calls c WHERE external_id = $1",
      [task],
    );
    expect(rows).toEqual([{ status: "completed", versions: 3 }]);
  }, 120_000);
});
