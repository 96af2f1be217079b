import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { sendAutocallsCall } from "../support/destinations";
import { api, baseUrl, jsonOf, uniq } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";
import { setZone } from "../support/time-zone";

// The CSV export: times in the organisation's zone with their offset, phone
// numbers as E.164 a CRM imports (no leading '), formulas still defused, a
// link to each call, and no test calls.

const NEW_YORK = "America/New_York";

let source: { slug: string };
beforeAll(async () => {
  source = await createSource("autocalls");
  await setZone(NEW_YORK);
});
afterAll(async () => {
  await setZone("UTC");
});

describe("CSV export", () => {
  it("writes times in the organisation's zone with the offset, E.164 phones as they are, formulas defused, and a link to each call", async () => {
    const campaign = uniq("csv");
    const phone = `+1415555${String(Date.now()).slice(-4)}`;
    const id = await sendAutocallsCall(source.slug, {
      created_at: "2026-11-28T04:30:00Z",
      finished_at: "2026-11-28T04:33:00Z",
      customer_phone: phone,
      campaign: { name: campaign },
      input_variables: { name: '=HYPERLINK("http://evil.example")', company: "+cmd|' /C calc'!A0" },
    });
    const csv = await (await api(`/api/calls/export?campaign=${campaign}`)).text();
    const [header, row, ...rest] = csv.trim().split("\n");
    expect(rest).toEqual([]);
    expect(header.endsWith(`"summary","trackers","link"`)).toBe(true);
    expect(row).toContain(`"${id}","2026-11-27T23:30:00-05:00",`);
    // A phone number is exactly + and digits: no apostrophe in front of it.
    expect(row).toContain(`,"${phone}",`);
    expect(row).not.toContain(`'${phone}`);
    // Any other text a spreadsheet would run as a formula still gets one.
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(row).toContain(`,"'+cmd|' /C calc'!A0",`);
    expect(row.endsWith(`,"${baseUrl()}/calls/${id}"`)).toBe(true);
  });

  it("leaves test calls out", async () => {
    const sent = await jsonOf<{ answer: { callId: string } }>(asUser(TEST_ADMIN, `/api/sources/${source.slug}/test-event`, { method: "POST", body: "{}" }));
    const test = sent.answer.callId;
    const { campaign } = await jsonOf<{ campaign: string }>(api(`/api/calls/${test}`));
    // A real call of the same campaign is exported; the test call is not.
    const real = await sendAutocallsCall(source.slug, { campaign: { name: campaign } });
    const csv = await (await api(`/api/calls/export?campaign=${encodeURIComponent(campaign)}`)).text();
    expect(csv).toContain(real);
    expect(csv).not.toContain(test);
  });
});
