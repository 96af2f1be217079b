import { beforeAll, describe, expect, it } from "vitest";
import { callDetailSchema, callListSchema, type CallItem } from "@/lib/calls/schemas";
import { fixture } from "../support/fixtures";
import { api, baseUrl, jsonOf, sendWebhook, uniq } from "../support/http";

// A campaign of our own keeps these calls apart from other tests' calls.
const campaign = uniq("campaign");
const list = async (query: string) => {
  const res = await api(`/api/calls?campaign=${campaign}&${query}`);
  expect(res.status).toBe(200);
  return callListSchema.parse(await res.json());
};
const ids = (items: CallItem[]) => items.map((c) => c.externalId).sort();

beforeAll(async () => {
  const base = fixture<{ campaign: Record<string, unknown> }>("autocalls/campaign-call.json");
  const calls = [
    {
      id: `${campaign}-hot`,
      when: "2026-03-01T10:00:00Z",
      status: "completed",
      interest: "high",
      summary: "Booked a site visit for the rooftop",
      outcome: "Meeting booked",
    },
    {
      id: `${campaign}-cold`,
      when: "2026-03-02T10:00:00Z",
      status: "completed",
      interest: "not interested",
      summary: "Has panels already",
      outcome: "Not interested",
    },
    { id: `${campaign}-busy`, when: "2026-03-03T10:00:00Z", status: "busy", interest: null, summary: null, outcome: null },
    {
      id: `${campaign}-later`,
      when: "2026-03-04T10:00:00Z",
      status: "completed",
      interest: "medium",
      summary: '=HYPERLINK("http://x") asked about financing',
      outcome: "callback",
    },
  ];
  for (const c of calls) {
    const res = await sendWebhook("autocalls", {
      ...base,
      id: c.id,
      status: c.status,
      created_at: c.when,
      finished_at: c.when,
      campaign: { ...base.campaign, name: campaign },
      extracted_variables: {
        status: c.status === "completed" && c.interest === "high",
        summary: c.summary,
        interest_level: c.interest,
        outcome: c.outcome,
        sentiment: c.interest === "high" ? "positive" : "neutral",
      },
      input_variables: { name: "Maria Lopez" },
    });
    expect(res.status).toBe(202);
  }
});

describe("GET /api/calls", () => {
  it("refuses requests without a valid API key", async () => {
    expect((await fetch(`${baseUrl()}/api/calls`)).status).toBe(401);
    const wrong = await fetch(`${baseUrl()}/api/calls`, { headers: { authorization: "Bearer ck_not_a_key" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("content-type")).toBe("application/problem+json");
  });

  it("lists newest first, in the documented shape", async () => {
    const page = await list("");
    expect(page.items.map((c) => c.externalId)).toEqual([`${campaign}-later`, `${campaign}-busy`, `${campaign}-cold`, `${campaign}-hot`]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[3]).toMatchObject({
      provider: "autocalls",
      source: "autocalls",
      customer: { name: "Maria Lopez", phone: "+14155550199" },
      hasRecording: true,
      hasTranscript: true,
    });
  });

  it("filters by each field", async () => {
    expect(ids((await list("status=busy")).items)).toEqual([`${campaign}-busy`]);
    expect(ids((await list("provider=autocalls,cllr&outcome=meeting_scheduled")).items)).toEqual([`${campaign}-hot`]);
    expect(ids((await list("sentiment=positive")).items)).toEqual([`${campaign}-hot`]);
    expect(ids((await list("hot=true")).items)).toEqual([`${campaign}-hot`]);
    expect(ids((await list("minScore=40")).items)).toEqual([`${campaign}-hot`, `${campaign}-later`].sort());
    expect(ids((await list("from=2026-03-02&to=2026-03-03")).items)).toEqual([`${campaign}-busy`, `${campaign}-cold`].sort());
    expect(ids((await list("q=rooftop")).items)).toEqual([`${campaign}-hot`]);
    expect(ids((await list("q=Monday afternoon")).items)).toHaveLength(4); // words from the transcript
    // Autocalls' assistant number is the line the call used, not an agent.
    expect(ids((await list("agent=%2B14155550100")).items)).toEqual([]);
    expect((await list("provider=hubtalk")).items).toEqual([]);
  });

  it("pages by cursor through every call exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    do {
      const page = await list(`limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((c) => c.externalId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([`${campaign}-later`, `${campaign}-busy`, `${campaign}-cold`, `${campaign}-hot`]);
  });

  it("explains a bad filter or cursor", async () => {
    const bad = await api("/api/calls?status=sideways&limit=1000");
    expect(bad.status).toBe(400);
    const problem = await jsonOf<{ detail: string; errors: { field: string }[] }>(bad);
    expect(problem.errors.map((e) => e.field)).toEqual(["status.0", "limit"]);
    expect(problem.detail).toMatch(/^Status must be one of: completed, no answer, .*\. Limit must be \d+ or less\.$/);
    const cursor = await api("/api/calls?cursor=nonsense");
    expect(cursor.status).toBe(400);
    expect((await jsonOf<{ title: string }>(cursor)).title).toBe("Invalid cursor");
  });
});

describe("GET /api/calls/export", () => {
  it("streams every matching call as CSV, with formulas defused", async () => {
    const res = await api(`/api/calls/export?campaign=${campaign}&status=completed`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="calls-/);
    const lines = (await res.text()).trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`${campaign}`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"") asked about financing"`);
  });

  it("quotes every cell and neutralises a formula after a ; or , inside one, keeping numbers and phones readable", async () => {
    const own = uniq("campaign");
    const phone = `+1415555${String(Date.now()).slice(-4)}`;
    const res = await sendWebhook("autocalls", {
      ...fixture<Record<string, unknown>>("autocalls/campaign-call.json"),
      id: `${own}-csv`,
      customer_phone: phone,
      campaign: { name: own },
      input_variables: { name: 'Ann;=HYPERLINK("http://evil.example","open")', company: "Acme, @SUM(A1:A9)" },
      extracted_variables: { summary: "Fine,\t=1+1 then -2 later", interest_level: "high" },
    });
    expect(res.status).toBe(202);

    const csv = await (await api(`/api/calls/export?campaign=${own}`)).text();
    const [header, row, ...rest] = csv.trim().split("\n");
    expect(rest).toEqual([]);
    expect(header.startsWith(`"id","started_at","provider",`)).toBe(true);
    // Every cell quoted, empty ones (no email) too.
    expect(row).toMatch(/^".*"$/);
    expect(row).not.toContain(",,");
    expect(row).toContain(`,"",`);
    expect(row).toContain(`,"Ann;'=HYPERLINK(""http://evil.example"",""open"")",`);
    expect(row).toContain(`,"${phone}",`);
    expect(row).toContain(`,"Acme, '@SUM(A1:A9)",`);
    expect(row).toContain(`,"Fine,'\t=1+1 then -2 later"`);
    expect(row).toContain(`,"187",`);
  });
});

describe("GET /api/calls/{id}", () => {
  it("returns the call with transcript, variables, score signals and raw events", async () => {
    const [hot] = (await list("hot=true")).items;
    const res = await api(`/api/calls/${hot.id}`);
    const call = callDetailSchema.parse(await res.json());
    expect(call.transcript[0]).toEqual({ role: "agent", text: "Hello Maria, this is Sam from Sunny Solar." });
    expect(call.variables).toMatchObject({ interest_level: "high" });
    expect(call.leadSignals.map((s) => s.signal)).toContain("objective");
    expect(call.leadScore).toBe(call.leadSignals.reduce((sum, s) => sum + s.points, 0) > 100 ? 100 : call.leadSignals.reduce((sum, s) => sum + s.points, 0));
    expect(call.rawEventIds).toHaveLength(1);
  });

  it("answers 404 for an unknown or malformed id, and 401 without a key", async () => {
    expect((await api("/api/calls/01a20390-845a-70ba-af86-d089c77f5459")).status).toBe(404);
    expect((await api("/api/calls/not-a-uuid")).status).toBe(404);
    expect((await fetch(`${baseUrl()}/api/calls/not-a-uuid`)).status).toBe(401);
  });
});
