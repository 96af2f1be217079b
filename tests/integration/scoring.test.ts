import { afterAll, describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { sendAutocallsCall } from "../support/destinations";
import { api, sql } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// Admins change what vendor outcomes mean and where hot leads start; saved
// calls are scored again in the background, rollups included.

interface ScoringState {
  scoring: { hotThreshold: number; outcomeMap: { raw: string; outcome: string }[] };
  rescore: { status: string; done: number; total: number; changed: number } | null;
}

const read = async () => (await (await asUser(TEST_ADMIN, "/api/settings/scoring")).json()) as ScoringState;
const save = (body: unknown) => asUser(TEST_ADMIN, "/api/settings/scoring", { method: "PUT", body: JSON.stringify(body) });
const callOf = async (id: string) => (await (await api(`/api/calls/${id}`)).json()) as { outcome: string; leadScore: number; isHot: boolean };
const hotInRollups = async () => Number((await sql<{ n: string }>("SELECT coalesce(sum(hot_calls), 0) AS n FROM daily_outcome_stats"))[0].n);
const hotCalls = async () => Number((await sql<{ n: string }>("SELECT count(*) AS n FROM calls WHERE is_hot AND NOT is_test"))[0].n);

afterAll(async () => {
  await save({ hotThreshold: 70, outcomeMap: [] });
  // The app keeps settings for a few seconds; the next test file starts with the defaults.
  for (let i = 0; i < 60 && (await read()).rescore?.status !== "done"; i++) await new Promise((r) => setTimeout(r, 500));
});

describe("scoring settings", () => {
  it("start with the default threshold and no mapping", async () => {
    expect((await read()).scoring).toEqual({ hotThreshold: 70, outcomeMap: [] });
  });

  it("refuse a threshold out of range", async () => {
    const res = await save({ hotThreshold: 140, outcomeMap: [] });
    expect(res.status).toBe(400);
  });

  it("re-score past calls after a change, with progress, keeping the rollups in step", async () => {
    const source = await createSource("autocalls");
    const callId = await sendAutocallsCall(source.slug, {
      extracted_variables: { status: true, outcome: "Pilot agreed", summary: "Agreed to a pilot", interest_level: "medium" },
    });
    const before = await callOf(callId);
    expect(before.outcome).toBe("other");

    const res = await save({ hotThreshold: 40, outcomeMap: [{ raw: "pilot agreed", outcome: "meeting_scheduled" }] });
    expect(res.status).toBe(202);
    expect(((await res.json()) as ScoringState).rescore).toMatchObject({ status: "queued" });

    await expect.poll(async () => (await read()).rescore?.status, { timeout: 30_000, interval: 500 }).toBe("done");
    const { rescore } = await read();
    expect(rescore!.done).toBe(rescore!.total);
    expect(rescore!.changed).toBeGreaterThan(0);

    const after = await callOf(callId);
    expect(after.outcome).toBe("meeting_scheduled");
    expect(after.leadScore).toBe(before.leadScore + 35);
    expect(after.isHot).toBe(true);
    // The charts count hot calls from the rollups; they agree with the calls.
    expect(await hotInRollups()).toBe(await hotCalls());

    // New calls use the new settings straight away (after the few seconds a process caches them).
    const fresh = await sendAutocallsCall(source.slug, { extracted_variables: { status: true, outcome: "Pilot Agreed" } });
    expect((await callOf(fresh)).outcome).toBe("meeting_scheduled");
  }, 60_000);

  it("record the change in the audit log", async () => {
    const res = await asUser(TEST_ADMIN, "/api/audit?action=scoring.update");
    const { items } = (await res.json()) as { items: { action: string; after: { hotThreshold: number } }[] };
    expect(items[0]).toMatchObject({ action: "scoring.update", after: { hotThreshold: 40 } });
  });
});
