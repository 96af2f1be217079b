import { afterAll, describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { sendAutocallsCall } from "../support/destinations";
import { fixture } from "../support/fixtures";
import { api, baseUrl, jsonOf, sendWebhook, uniq } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";
import { compareRollupDrift } from "../support/compare-drift";

// Admins make one agent of the names vendors give it (Hooman's agent id
// "agent_leo", HubTalk's "Leo"): lists and filters use the one name, the
// call page still shows what the vendor sent, and a change reaches past calls.

interface AgentsState {
  agents: { aliases: { raw: string; agent: string }[] };
  seen: { provider: string; name: string; agent: string | null; calls: number }[];
  reapply: { status: string; done: number; total: number; changed: number } | null;
}

const read = () => jsonOf<AgentsState>(asUser(TEST_ADMIN, "/api/settings/agents"));
const save = (aliases: { raw: string; agent: string }[]) => asUser(TEST_ADMIN, "/api/settings/agents", { method: "PUT", body: JSON.stringify({ aliases }) });
const applied = () => expect.poll(async () => (await read()).reapply?.status, { timeout: 30_000, interval: 500 }).toBe("done");
const listIds = async (agent: string) =>
  (await jsonOf<{ items: { id: string; agent: string }[] }>(api(`/api/calls?agent=${encodeURIComponent(agent)}&limit=100`))).items;

const suffix = uniq("x").slice(2);
const hoomanAgent = `agent_leo_${suffix}`;
const hubtalkAgent = `Leo ${suffix}`;

async function sendCalls(): Promise<{ hooman: string; hubtalk: string }> {
  const hoomanSource = await createSource("hooman");
  const hubtalkSource = await createSource("hubtalk");
  const h = fixture<Record<string, unknown>>("hooman/default-object.json");
  const hooman = await jsonOf<{ callId: string }>(
    sendWebhook(hoomanSource.slug, { ...h, agent: hoomanAgent, callInfo: { ...(h.callInfo as object), callSid: uniq("CA") } }),
  );
  const t = fixture<Record<string, unknown>>("hubtalk/full-example.json");
  const hubtalk = await jsonOf<{ callId: string }>(
    sendWebhook(hubtalkSource.slug, { ...t, agent_wb_name: hubtalkAgent, call_event_uuid: crypto.randomUUID() }),
  );
  return { hooman: hooman.callId, hubtalk: hubtalk.callId };
}

afterAll(async () => {
  await save([]);
  // The app keeps aliases for a few seconds; the next test file starts without any.
  for (let i = 0; i < 60 && (await read()).reapply?.status !== "done"; i++) await new Promise((r) => setTimeout(r, 500));
});

describe("agent aliases", () => {
  let calls: { hooman: string; hubtalk: string };

  it("list the agent names seen, with their calls, before any mapping", async () => {
    calls = await sendCalls();
    const { seen } = await read();
    expect(seen).toEqual(
      expect.arrayContaining([
        { provider: "hooman", name: hoomanAgent, agent: null, calls: 1 },
        { provider: "hubtalk", name: hubtalkAgent, agent: hubtalkAgent, calls: 1 },
      ]),
    );
    expect((await listIds(hubtalkAgent)).map((c) => c.id)).toEqual([calls.hubtalk]);
  });

  it("make a Hooman and a HubTalk agent one agent in past calls, the list filter and the call page", async () => {
    const res = await save([{ raw: hoomanAgent.toUpperCase(), agent: hubtalkAgent }]);
    expect(res.status).toBe(202);
    await applied();
    expect((await read()).reapply!.changed).toBeGreaterThanOrEqual(1);

    const items = await listIds(hubtalkAgent);
    expect(items.map((c) => c.id).sort()).toEqual([calls.hooman, calls.hubtalk].sort());
    expect(items.every((c) => c.agent === hubtalkAgent)).toBe(true);

    const detail = await jsonOf<{ agent: string; agentId: string; vendorAgentName: string | null }>(api(`/api/calls/${calls.hooman}`));
    expect(detail).toMatchObject({ agent: hubtalkAgent, agentId: hoomanAgent, vendorAgentName: null });
    const page = await (await asUser(TEST_ADMIN, `/calls/${calls.hooman}`)).text();
    expect(page).toMatch(new RegExp(`data-testid="call-agent">Agent (<!-- -->)?${hubtalkAgent}<`));
    expect(page).toMatch(new RegExp(`data-testid="vendor-agent"[^>]*>[^<]*(<!-- -->)?${hoomanAgent}`));
  }, 60_000);

  it("use the mapping for new calls", async () => {
    // Each process reads the aliases at most every few seconds.
    await new Promise((r) => setTimeout(r, 5_500));
    const { hooman } = await sendCalls();
    expect((await listIds(hubtalkAgent)).map((c) => c.id)).toContain(hooman);
  }, 30_000);

  it("give past calls back the vendor's name when the mapping is removed", async () => {
    expect((await save([])).status).toBe(202);
    await applied();
    expect((await listIds(hubtalkAgent)).every((c) => c.agent === hubtalkAgent)).toBe(true);
    const detail = await jsonOf<{ agent: string }>(api(`/api/calls/${calls.hooman}`));
    expect(detail.agent).toBe(hoomanAgent);
  }, 60_000);

  it("refuse one vendor name mapped twice, saying so in plain words", async () => {
    const res = await save([
      { raw: "Leo", agent: "A" },
      { raw: "leo", agent: "B" },
    ]);
    expect(res.status).toBe(400);
  });

  it("never show a phone number as the agent: Autocalls' assistant number is the line", async () => {
    const source = await createSource("autocalls");
    const callId = await sendAutocallsCall(source.slug);
    expect(await jsonOf(api(`/api/calls/${callId}`))).toMatchObject({ agent: null, line: "+14155550100" });
    const page = await (await asUser(TEST_ADMIN, `/calls/${callId}`)).text();
    expect(page).toMatch(/data-testid="call-line">Line (<!-- -->)?\+14155550100</);
    expect(page).not.toContain('data-testid="call-agent"');
  });

  it("are for admins only", async () => {
    expect((await fetch(`${baseUrl()}/api/settings/agents`)).status).toBe(401);
  });
});

describe("the Compare rollup", () => {
  it("stays equal to the calls it summarizes", async () => {
    expect(await compareRollupDrift()).toEqual([]);
  });
});
