import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderId } from "@/lib/providers/lookup";
import { fixture } from "../support/fixtures";
import { uniq } from "../support/http";
import { drained, pause, send as sendTo, spoolStack, stored, type Answer } from "../support/spool";
import type { Stack } from "../support/stack";
import { payloadWithId } from "../support/vendor-payloads";

// While Postgres is away, webhooks are kept in the app's local spool and
// answered 202 "queued"; once it is back each becomes exactly one call, in
// arrival order, even across a crash of the app (SIGKILL) while the spool
// holds events or drains them.

const VENDORS: ProviderId[] = ["cllr", "hooman", "autocalls", "hubtalk"];
let stack: Stack;
let db: pg.Pool;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ stack, db, stop } = await spoolStack());
}, 240_000);
afterAll(async () => stop?.());

// TEST_DATABASE_URL: a server the tests cannot stop.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("webhooks while the database is away", () => {
  it("keeps every webhook of a 30 s outage under steady load and stores each once, in order per call", async () => {
    const run = uniq("out");
    const answers: Answer[] = [];
    let n = 0;
    let sending = true;
    const send = (slug: string, body: unknown) => sendTo(stack.app.baseUrl, slug, body);
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
    await drained(db, stack.app.baseUrl, eventIds);
    expect(await stored(db, eventIds)).toEqual({ events: eventIds.length, calls: answers.length + 1 });
    const { rows } = await db.query<{ status: string; versions: number }>(
      "SELECT c.status, (SELECT count(*)::int FROM raw_events e WHERE e.call_id = c.id) AS versions FROM calls c WHERE external_id = $1",
      [task],
    );
    expect(rows).toEqual([{ status: "completed", versions: 3 }]);
    // 33 s of load and outage, then the drain's own allowance (tests/support/spool.ts).
  }, 180_000);
});
