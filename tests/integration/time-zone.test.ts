import { afterAll, describe, expect, it } from "vitest";
import { rebucketStep } from "@/lib/stats/rebucket";
import { dayIn } from "@/lib/stats/trends";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { sendAutocallsCall } from "../support/destinations";
import { api, baseUrl, jsonOf, problemDetail, sql } from "../support/http";
import { compareRollupDrift } from "../support/compare-drift";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";
import { putZone, setZone, zoneView } from "../support/time-zone";

// One organisation time zone: the overview's days and the rollups follow it,
// and changing it re-groups the rollups by day in the background, with the
// same totals, also while calls keep arriving.

const NEW_YORK = "America/New_York";
const TOKYO = "Asia/Tokyo";

const admin = (path: string, init?: RequestInit) => asUser(TEST_ADMIN, path, init);

/** The instant when the wall clock in `zone` shows `date` at `time` (HH:MM). */
function instantAt(zone: string, date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  for (let offsetMin = -14 * 60; offsetMin <= 14 * 60; offsetMin += 15) {
    const at = new Date(naive - offsetMin * 60_000);
    const local = new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short", timeStyle: "short", hourCycle: "h23" }).format(at);
    if (local === `${date}, ${time}`) return at;
  }
  throw new Error(`no ${date} ${time} in ${zone}`);
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Trends {
  timeZone: string;
  from: string;
  to: string;
  current: { calls: number };
  byDaySentiment: { day: string; positive: number; neutral: number; negative: number; mixed: number; none: number }[];
}
const trends = () => jsonOf<Trends>(api("/api/stats/trends?days=7"));
const perDay = (t: Trends) => Object.fromEntries(t.byDaySentiment.map((d) => [d.day, d.positive + d.neutral + d.negative + d.mixed + d.none]));

/** Every rollup row equals the calls (not tests) counted by their day in `zone`. */
async function rollupsMatch(zone: string) {
  const stored = (table: string, dims: string) =>
    sql(`SELECT day::text AS day, ${dims}, sum(calls)::int AS calls, sum(talk_sec)::int AS talk, sum(hot_calls)::int AS hot FROM ${table}
         GROUP BY day, ${dims} HAVING sum(calls) <> 0 OR sum(talk_sec) <> 0 OR sum(hot_calls) <> 0 ORDER BY day, ${dims}`);
  const counted = (dims: string) =>
    sql(
      `SELECT day::text AS day, ${dims}, count(*)::int AS calls, sum(talk)::int AS talk, count(*) FILTER (WHERE is_hot)::int AS hot
       FROM (SELECT (started_at AT TIME ZONE $1)::date AS day, status, provider, COALESCE(sentiment, '') AS sentiment, COALESCE(outcome, '') AS outcome,
                    COALESCE(campaign, '') AS campaign, COALESCE(duration_sec, 0) AS talk, is_hot
             FROM calls WHERE NOT is_test) c
       GROUP BY day, ${dims} ORDER BY day, ${dims}`,
      [zone],
    );
  expect(await stored("daily_source_stats", "provider, campaign")).toEqual(await counted("provider, campaign"));
  expect(await stored("daily_outcome_stats", "status, sentiment, outcome")).toEqual(await counted("status, sentiment, outcome"));
  expect(await compareRollupDrift(zone)).toEqual([]);
}

afterAll(async () => {
  // The other test files count UTC days.
  await setZone("UTC");
});

describe("the organisation's time zone", () => {
  it("is kept to admins, from the app's own pages, and refuses what is not a zone", async () => {
    expect((await asUser(TEST_MANAGER, "/api/settings/time-zone", { method: "PUT", body: JSON.stringify({ timeZone: TOKYO }) })).status).toBe(403);
    expect((await api("/api/settings/time-zone", { method: "PUT", body: JSON.stringify({ timeZone: TOKYO }) })).status).toBe(403);
    expect((await fetch(`${baseUrl()}/api/settings/time-zone`)).status).toBe(401);
    const crossSite = await admin("/api/settings/time-zone", {
      method: "PUT",
      body: JSON.stringify({ timeZone: TOKYO }),
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);

    const bad = await putZone("Mars/Olympus_Mons");
    expect(bad.status).toBe(400);
    expect(await problemDetail(bad)).toMatch(/Choose a time zone from the list/);
    // JavaScript takes an offset as a zone; Postgres would read its sign the other way round.
    expect((await putZone("+05:30")).status).toBe(400);
    expect((await zoneView()).timeZone).toBe("UTC");
  });

  it("is first taken from an admin's browser, which never overrides a zone already chosen; changes are audited", async () => {
    await sql("DELETE FROM settings WHERE key = 'timeZone'");
    expect((await zoneView()).isSet).toBe(false);
    const first = await jsonOf<{ timeZone: string; changed: boolean }>(putZone(NEW_YORK, { ifUnset: true }));
    expect(first).toMatchObject({ timeZone: NEW_YORK, changed: true });
    const second = await jsonOf<{ timeZone: string; changed: boolean }>(putZone(TOKYO, { ifUnset: true }));
    expect(second).toMatchObject({ timeZone: NEW_YORK, changed: false });
    expect(await zoneView()).toMatchObject({ timeZone: NEW_YORK, isSet: true });

    const { items } = await jsonOf<{ items: { targetId: string; actorEmail: string; before: unknown; after: unknown }[] }>(
      admin("/api/audit?action=settings.time_zone"),
    );
    expect(items[0]).toMatchObject({ targetId: "timeZone", actorEmail: TEST_ADMIN.email, before: "UTC", after: NEW_YORK });
    await setZone(NEW_YORK);
  });

  it("puts a call at 23:30 in New York on that day in New York", async () => {
    await setZone(NEW_YORK);
    const source = await createSource("autocalls");
    const date = dayIn(NEW_YORK, new Date(Date.now() - 2 * 86_400_000));
    const at = instantAt(NEW_YORK, date, "23:30");
    // In UTC it is already the next day.
    expect(at.toISOString().slice(0, 10)).toBe(nextDay(date));

    const before = perDay(await trends());
    await sendAutocallsCall(source.slug, { created_at: at.toISOString(), finished_at: new Date(at.getTime() + 180_000).toISOString() });
    const after = await trends();
    expect(after.timeZone).toBe(NEW_YORK);
    expect(after.to).toBe(dayIn(NEW_YORK, new Date()));
    expect(perDay(after)[date]).toBe(before[date] + 1);
    expect(perDay(after)[nextDay(date)]).toBe(before[nextDay(date)]);
    await rollupsMatch(NEW_YORK);
  });

  it("re-groups the rollups by day when it changes, with the same totals", async () => {
    await setZone(NEW_YORK);
    const [{ calls: totalBefore }] = await sql<{ calls: number }>("SELECT sum(calls)::int AS calls FROM daily_outcome_stats");
    await setZone(TOKYO);
    const [{ calls: totalAfter }] = await sql<{ calls: number }>("SELECT sum(calls)::int AS calls FROM daily_outcome_stats");
    expect(totalAfter).toBe(totalBefore);
    await rollupsMatch(TOKYO);
    const view = await zoneView();
    expect(view.rebucket).toMatchObject({ zone: TOKYO, to: null, status: "done" });
    expect(view.rebucket.done).toBe(view.rebucket.total);

    // The settings page shows the zone.
    const page = await (await admin("/admin/settings")).text();
    expect(page).toContain("Time zone");
    expect(page).toContain(`value="${TOKYO}"`);
  });

  it("counts calls that arrive during a re-grouping once, on their day in the new zone", async () => {
    await setZone(TOKYO);
    const source = await createSource("autocalls");
    // Driven step by step here, a few calls at a time, with calls arriving between and during the steps.
    await sql("UPDATE settings SET value = to_jsonb($1::text) WHERE key = 'timeZone'", [NEW_YORK]);
    function send(hoursAgo: number) {
      const at = new Date(Date.now() - hoursAgo * 3_600_000);
      return sendAutocallsCall(source.slug, { created_at: at.toISOString(), finished_at: new Date(at.getTime() + 60_000).toISOString() });
    }
    for (const hoursAgo of [3, 9, 20, 30, 44, 60]) await send(hoursAgo);
    const [{ n }] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM calls WHERE NOT is_test");
    const batch = Math.max(2, Math.ceil(n / 8));
    expect(await rebucketStep(NEW_YORK, batch)).toBe(true);
    let steps = 0;
    let hours = 1;
    for (;;) {
      const [more] = await Promise.all([rebucketStep(NEW_YORK, batch), send((hours += 7)), send(hours % 50)]);
      steps++;
      if (!more) break;
      if (steps % 5 === 0) await send(1);
    }
    // Several steps, unless the app's own job (queued by its every-minute sweep) took some of them: correct either way.
    expect(steps).toBeGreaterThan(0);
    await rollupsMatch(NEW_YORK);
    expect((await zoneView()).rebucket).toMatchObject({ zone: NEW_YORK, to: null, status: "done" });
  });
});
