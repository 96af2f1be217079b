import { appendFile, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listSpoolFiles } from "@/lib/ingest/spool/files";
import { decodeRecords, encodeRecord } from "@/lib/ingest/spool/record";
import { uniq } from "../support/http";
import { drained, pause, send, spoolStack, stored, type Answer } from "../support/spool";
import { freePort, type Stack } from "../support/stack";
import { payloadWithId } from "../support/vendor-payloads";

// The spool across crashes and limits: a process killed (SIGKILL) while its
// spool holds webhooks or drains them loses none and stores none twice; a
// torn record is skipped and the rest drains; a full spool refuses; a second
// process drains a dead one's spool; a process that never read its sources
// cannot authenticate without the database.

let stack: Stack;
let db: pg.Pool;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ stack, db, stop } = await spoolStack());
}, 240_000);
afterAll(async () => stop?.());
// A test that failed halfway leaves the next one a running database and app.
beforeEach(async () => {
  await stack.database?.start();
  if (
    !(await fetch(`${stack.app.baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  )
    await stack.restartApp();
}, 90_000);

/** `count` Cllr webhooks, a few at a time, to the app at baseUrl. */
async function burst(count: number, baseUrl = stack.app.baseUrl): Promise<Answer[]> {
  const run = uniq("burst");
  const answers: Answer[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, (_, j) => send(baseUrl, "cllr", payloadWithId("cllr", (i + j) % 40, `${run}-${i + j}`)));
    answers.push(...(await Promise.all(batch)));
  }
  return answers;
}
/** Stops the database, once the app has just read the source the test sends as (as any webhook before an outage does). */
async function outage() {
  expect((await send(stack.app.baseUrl, "cllr", payloadWithId("cllr", 3, uniq("c")))).body.status).toBe("stored");
  await stack.database!.stop();
}
const eventIdsOf = (answers: Answer[]) => answers.map((a) => a.body.eventId!);
const processedOf = async (ids: string[]) =>
  (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM raw_events WHERE id = ANY($1::uuid[])", [ids]).catch(() => ({ rows: [{ n: -1 }] }))).rows[0].n;

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("the spool across crashes and limits", () => {
  it("refuses with 503 while it has never read its sources, and authenticates from its copy once it has", async () => {
    await stack.database!.stop();
    await stack.app.kill("SIGKILL");
    await stack.restartApp({ waitFor: "listening" });
    const unseen = await send(stack.app.baseUrl, "cllr", payloadWithId("cllr", 1, uniq("c")));
    expect(unseen.status).toBe(503);
    expect(unseen.body.detail).toMatch(/has not been seen recently/);

    await stack.database!.start();
    await drained(db, stack.app.baseUrl, []);
    // The drainer reads every source within two ticks (a second each) of the database answering.
    await pause(3000);
    await stack.database!.stop();
    // Autocalls sent nothing yet: the app knows it from reading every source.
    const badSecret = await fetch(`${stack.app.baseUrl}/api/webhooks/autocalls`, { method: "POST", headers: { "x-webhook-secret": "wrong" }, body: "{}" });
    expect(badSecret.status).toBe(401);
    const kept = await send(stack.app.baseUrl, "autocalls", payloadWithId("autocalls", 2, uniq("c")));
    expect(kept).toMatchObject({ status: 202, body: { status: "queued" } });
    await stack.database!.start();
    await drained(db, stack.app.baseUrl, [kept.body.eventId!]);
    expect(await stored(db, [kept.body.eventId!])).toEqual({ events: 1, calls: 1 });
  }, 120_000);

  it("loses nothing and stores nothing twice when killed holding the spool, and again while draining it", async () => {
    await outage();
    const answers = await burst(1000);
    expect(answers.every((a) => a.status === 202 && a.body.status === "queued")).toBe(true);
    const ids = eventIdsOf(answers);
    await stack.app.kill("SIGKILL");

    await stack.database!.start();
    await stack.restartApp();
    let atKill = 0;
    for (let i = 0; i < 1000 && atKill === 0; i++) {
      const n = await processedOf(ids);
      if (n > 0) atKill = n;
      else await pause(10);
    }
    await stack.app.kill("SIGKILL");
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(ids.length); // killed mid-drain

    await stack.restartApp();
    await drained(db, stack.app.baseUrl, ids);
    expect(await stored(db, ids)).toEqual({ events: 1000, calls: 1000 });
  }, 180_000);

  it("skips a torn record left by a crash, says so in the log, and drains the rest", async () => {
    await outage();
    const answers = await burst(5);
    await stack.app.kill("SIGKILL");
    const [file] = await listSpoolFiles(stack.spoolDir);
    const torn = encodeRecord({
      id: crypto.randomUUID(),
      sourceId: crypto.randomUUID(),
      receivedAt: new Date().toISOString(),
      method: "POST",
      headers: {},
      query: {},
      body: "e30=",
    });
    await appendFile(file.path, torn.subarray(0, torn.length - 7));

    await stack.database!.start();
    const app = await stack.restartApp({ capture: true });
    await drained(db, app.baseUrl, eventIdsOf(answers));
    expect(await stored(db, eventIdsOf(answers))).toEqual({ events: 5, calls: 5 });
    expect(app.output()).toContain("a damaged spool record was skipped");
  }, 120_000);

  it("sets aside a record the database refuses, says so, and drains the records behind it", async () => {
    const { rows } = await db.query<{ id: string }>("SELECT id FROM sources WHERE slug = 'cllr'");
    const record = (n: number, query: Record<string, string> = {}) => ({
      id: crypto.randomUUID(),
      sourceId: rows[0].id,
      receivedAt: new Date().toISOString(),
      method: "POST",
      headers: { "content-type": "application/json" },
      query,
      body: Buffer.from(JSON.stringify(payloadWithId("cllr", n, uniq("c")))).toString("base64"),
    });
    // Written as a process that died would have left it; jsonb cannot hold the NUL of the second record.
    const records = [record(1), record(2, { note: "a\u0000b" }), record(3)];
    const name = `${String(Date.now()).padStart(15, "0")}-999999999-0123456789abcdef-1.spool`;
    await stack.app.kill();
    await writeFile(path.join(stack.spoolDir, name), Buffer.concat(records.map(encodeRecord)));
    const app = await stack.restartApp({ capture: true });
    await drained(db, app.baseUrl, [records[0].id, records[2].id]);
    expect(await stored(db, [records[0].id, records[2].id])).toEqual({ events: 2, calls: 2 });
    const [aside] = await readdir(path.join(stack.spoolDir, "set-aside"));
    const setAside = decodeRecords(await readFile(path.join(stack.spoolDir, "set-aside", aside)), () => {});
    expect(setAside.map((r) => r.id)).toEqual([records[1].id]);
    expect(app.output()).toContain("a spooled webhook could not be stored; it is set aside");
  }, 120_000);

  it("answers 503 once its spool is full, and stores what it accepted", async () => {
    await stack.app.kill("SIGTERM");
    await stack.restartApp({ env: { SPOOL_MAX_BYTES: "12000" } });
    await outage();
    const answers = await burst(16);
    const accepted = answers.filter((a) => a.status === 202);
    expect(accepted.length).toBeGreaterThan(0);
    expect(answers.at(-1)).toMatchObject({ status: 503, body: { detail: "The database is unreachable and the local spool is full; retry later." } });
    await stack.database!.start();
    await drained(db, stack.app.baseUrl, eventIdsOf(accepted));
    expect(await stored(db, eventIdsOf(accepted))).toEqual({ events: accepted.length, calls: accepted.length });
    await stack.app.kill("SIGTERM");
    await stack.restartApp();
  }, 120_000);

  it("lets a second process on the machine drain the spool of one that died", async () => {
    const other = await stack.restartApp({ port: await freePort() });
    try {
      await outage();
      const mine = await burst(20);
      const theirs = await burst(20, other.baseUrl);
      expect([...mine, ...theirs].every((a) => a.status === 202)).toBe(true);
      expect((await listSpoolFiles(stack.spoolDir)).length).toBe(2);
      await stack.app.kill("SIGKILL");
      await stack.database!.start();
      const ids = eventIdsOf([...mine, ...theirs]);
      await drained(db, other.baseUrl, ids);
      expect(await stored(db, ids)).toEqual({ events: 40, calls: 40 });
    } finally {
      await other.kill("SIGTERM");
      await stack.restartApp();
    }
  }, 120_000);
});
