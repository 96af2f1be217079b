import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { createDestination, deleteDestination, deliveryOfCall, destination, sendAutocallsCall, type DeliveryView } from "../support/destinations";
import { api, sql } from "../support/http";
import { startHubSpot, type HubSpotServer } from "../support/hubspot-server";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// Forwarding to Slack (an incoming webhook) and HubSpot (through the official
// client, pointed at a stand-in CRM on this machine).

/** The parts of a Slack message the tests read. */
type SlackMessage = { text: string; blocks: Array<{ type: string; elements?: Array<{ url?: string }> }> };

let slack: Receiver;
let hubspot: HubSpotServer;
let source: { id: string; slug: string };
const made: string[] = [];

beforeAll(async () => {
  slack = await startReceiver({ status: 200, body: "ok" });
  hubspot = await startHubSpot(inject("hubspotPort"));
  source = await createSource("autocalls");
});
afterAll(async () => {
  for (const id of made) await deleteDestination(id);
  await slack.close();
  await hubspot.close();
});

async function make(body: Record<string, unknown>) {
  const d = await createDestination(body);
  made.push(d.id);
  return d;
}

const settled = (id: string, callId: string) => expect.poll(async () => (await deliveryOfCall(id, callId))?.status, { timeout: 20_000, interval: 250 });

async function followTest(destinationId: string): Promise<DeliveryView> {
  const res = await asUser(TEST_ADMIN, `/api/destinations/${destinationId}/test`, { method: "POST" });
  expect(res.status).toBe(202);
  const { deliveryId } = (await res.json()) as { deliveryId: string };
  const read = async () => (await (await asUser(TEST_ADMIN, `/api/deliveries/${deliveryId}`)).json()) as DeliveryView;
  await expect.poll(async () => (await read()).status, { timeout: 15_000, interval: 200 }).not.toBe("pending");
  return read();
}

describe("Slack destinations", () => {
  it("posts a Block Kit message for a hot lead, with a button to the call", async () => {
    const d = await make({
      kind: "slack",
      name: "#sales",
      config: { webhookUrl: `${slack.url}/services/T0/B0/xyz` },
      rules: { calls: "hot", sourceIds: [source.id] },
    });
    const callId = await sendAutocallsCall(source.slug);
    const call = (await (await api(`/api/calls/${callId}`)).json()) as { isHot: boolean; outcome: string };
    expect(call.isHot).toBe(true);
    await settled(d.id, callId).toBe("delivered");

    const request = slack.requests.find((r) => r.body.includes(callId))!;
    expect(request.path).toBe("/services/T0/B0/xyz");
    const message = JSON.parse(request.body) as SlackMessage;
    expect(message.text).toContain("Hot lead: Maria Lopez");
    const text = JSON.stringify(message.blocks);
    for (const shown of ["Maria Lopez", "+14155550199", "Lopez Roofing", "high", "Booked a site visit", call.outcome.replaceAll("_", " ")]) {
      expect(text).toContain(shown);
    }
    const button = message.blocks.find((b) => b.type === "actions")!.elements![0];
    expect(button.url).toMatch(new RegExp(`/calls/${callId}$`));
  });

  it("escapes Slack markup from the vendor in the notification text as in the blocks", async () => {
    const d = await make({
      kind: "slack",
      name: "#markup",
      config: { webhookUrl: `${slack.url}/services/markup` },
      rules: { calls: "hot", sourceIds: [source.id] },
    });
    const name = "<!channel> & <https://evil.example|Open the call>";
    const callId = await sendAutocallsCall(source.slug, { input_variables: { name, company: "<!here>" } });
    await settled(d.id, callId).toBe("delivered");

    const message = JSON.parse(slack.requests.find((r) => r.path === "/services/markup")!.body) as SlackMessage;
    expect(message.text.startsWith("Hot lead: &lt;!channel&gt; &amp; &lt;https://evil.example|Open the call&gt; (")).toBe(true);
    const fields = JSON.stringify(message.blocks.filter((b) => b.type === "section"));
    expect(fields).toContain("&lt;!channel&gt; &amp; &lt;https://evil.example|Open the call&gt;");
    expect(fields).toContain("&lt;!here&gt;");
    expect(`${message.text}${fields}`).not.toMatch(/<!channel>|<!here>|<https:/);
  });

  it("leaves out calls that are not hot when the rule says hot leads only", async () => {
    const d = await make({ kind: "slack", name: "#hot", config: { webhookUrl: `${slack.url}/services/hot` }, rules: { calls: "hot", sourceIds: [source.id] } });
    const cold = await sendAutocallsCall(source.slug, { status: "no-answer", extracted_variables: {}, duration: 0 });
    const hot = await sendAutocallsCall(source.slug);
    await settled(d.id, hot).toBe("delivered");
    expect(await deliveryOfCall(d.id, cold)).toBeUndefined();
  });

  it("sends a test message from the destination's page", async () => {
    const d = await make({ kind: "slack", name: "#test", config: { webhookUrl: `${slack.url}/services/test` }, rules: { calls: "none" } });
    const delivery = await followTest(d.id);
    expect(delivery).toMatchObject({ status: "delivered", responseCode: 200, responseExcerpt: "ok" });
    const body = slack.requests.filter((r) => r.path === "/services/test").at(-1)!.body;
    expect(body).toContain("Test message from Call Analytics");
  });

  it("sends at most one message a second to one Slack webhook", async () => {
    const source = await createSource("autocalls");
    const d = await make({
      kind: "slack",
      name: "#burst",
      config: { webhookUrl: `${slack.url}/services/burst` },
      rules: { calls: "all", sourceIds: [source.id] },
    });
    const calls = await Promise.all([1, 2, 3, 4].map(() => sendAutocallsCall(source.slug)));
    for (const callId of calls) await settled(d.id, callId).toBe("delivered");
    const times = slack.requests.filter((r) => r.path === "/services/burst").map((r) => r.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(900);
  });

  it("does not send the webhook URL back to the browser, and keeps it encrypted", async () => {
    const d = await make({ kind: "slack", name: "#secret", config: { webhookUrl: `${slack.url}/services/secret-path` }, rules: { calls: "none" } });
    const text = await (await asUser(TEST_ADMIN, `/api/destinations/${d.id}`)).text();
    expect(text).not.toContain("secret-path");
    expect((JSON.parse(text) as { config: { webhookUrl: string } }).config.webhookUrl).toBe("set");
    const [row] = await sql<{ config: string }>("SELECT config::text FROM destinations WHERE id = $1", [d.id]);
    expect(row.config).not.toContain("secret-path");
    expect(row.config).toMatch(/"webhookUrl": "enc:v1:/);
  });
});

describe("HubSpot destinations", () => {
  const config = () => ({
    accessToken: hubspot.token,
    createContacts: true,
    leadStatus: { meeting_scheduled: "OPEN_DEAL", interested: "IN_PROGRESS", other: "CONNECTED" },
  });

  it("creates the contact, sets its lead status, adds a note and a callback task", async () => {
    const source = await createSource("autocalls");
    const d = await make({ kind: "hubspot", name: "HubSpot", config: config(), rules: { calls: "all", sourceIds: [source.id] } });
    const callId = await sendAutocallsCall(source.slug, { customer_phone: "+14155550111" });
    await settled(d.id, callId).toBe("delivered");
    const call = (await (await api(`/api/calls/${callId}`)).json()) as { outcome: keyof ReturnType<typeof config>["leadStatus"]; callbackAt: string };

    const contact = hubspot.objects.contacts.find((c) => c.properties.phone === "+14155550111")!;
    expect(contact.properties).toMatchObject({
      firstname: "Maria",
      lastname: "Lopez",
      company: "Lopez Roofing",
      hs_lead_status: config().leadStatus[call.outcome],
    });
    const note = hubspot.objects.notes.find((n) => n.properties.hs_note_body.includes(callId))!;
    expect(note.properties.hs_note_body).toContain("Booked a site visit");
    expect(note.properties.hs_note_body).toContain("high");
    expect(note.associations).toEqual([{ to: { id: contact.id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 202 }] }]);
    const task = hubspot.objects.tasks.find((t) => t.properties.hs_task_body.includes(callId))!;
    expect(new Date(task.properties.hs_timestamp).toISOString()).toBe(call.callbackAt);
    expect(task.associations).toEqual([{ to: { id: contact.id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 204 }] }]);
  });

  it("finds an existing contact by phone instead of creating another", async () => {
    const source = await createSource("autocalls");
    const d = await make({ kind: "hubspot", name: "HubSpot existing", config: config(), rules: { calls: "all", sourceIds: [source.id] } });
    const first = await sendAutocallsCall(source.slug, { customer_phone: "+14155550122" });
    await settled(d.id, first).toBe("delivered");
    const second = await sendAutocallsCall(source.slug, { customer_phone: "+14155550122" });
    await settled(d.id, second).toBe("delivered");
    expect(hubspot.objects.contacts.filter((c) => c.properties.phone === "+14155550122")).toHaveLength(1);
    expect(hubspot.objects.notes.filter((n) => n.properties.hs_note_body.includes(first) || n.properties.hs_note_body.includes(second))).toHaveLength(2);
  });

  it("retries a failure after the note was added without adding it twice", async () => {
    const source = await createSource("autocalls");
    const d = await make({ kind: "hubspot", name: "HubSpot flaky tasks", config: config(), rules: { calls: "all", sourceIds: [source.id] } });
    // Contact, status and note go through; the task fails, so the whole delivery is tried again.
    hubspot.failNext("POST /crm/v3/objects/tasks", { status: 502, body: '{"message":"bad gateway"}' });
    const callId = await sendAutocallsCall(source.slug, { customer_phone: "+14155550133" });
    await settled(d.id, callId).toBe("delivered");
    expect((await deliveryOfCall(d.id, callId))!.attempts).toBe(2);
    expect(hubspot.objects.contacts.filter((c) => c.properties.phone === "+14155550133")).toHaveLength(1);
    expect(hubspot.objects.notes.filter((n) => n.properties.hs_note_body.includes(callId))).toHaveLength(1);
    expect(hubspot.objects.tasks.filter((t) => t.properties.hs_task_body.includes(callId))).toHaveLength(1);
  });

  it("retries a 429 and a 503 within one delivery", async () => {
    const source = await createSource("autocalls");
    const d = await make({ kind: "hubspot", name: "HubSpot flaky", config: config(), rules: { calls: "all", sourceIds: [source.id] } });
    hubspot.failNext("POST /crm/v3/objects/contacts/search", {
      status: 429,
      body: JSON.stringify({ status: "error", message: "You have reached your ten_secondly_rolling limit.", errorType: "RATE_LIMIT" }),
      headers: { "retry-after": "1" },
    });
    const first = await sendAutocallsCall(source.slug, { customer_phone: "+14155550144" });
    await settled(d.id, first).toBe("delivered");
    expect((await deliveryOfCall(d.id, first))!.attempts).toBe(2);

    hubspot.failNext("POST /crm/v3/objects/notes", { status: 503, body: "{}" });
    const second = await sendAutocallsCall(source.slug, { customer_phone: "+14155550144" });
    await settled(d.id, second).toBe("delivered");
    expect((await deliveryOfCall(d.id, second))!.attempts).toBe(2);
    expect(hubspot.objects.notes.filter((n) => n.properties.hs_note_body.includes(second))).toHaveLength(1);
    expect(await destination(d.id)).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  }, 40_000);

  it("answers a test with one attempt: a 503 is reported, not retried in the background", async () => {
    const d = await make({ kind: "hubspot", name: "HubSpot down", config: config(), rules: { calls: "none" } });
    hubspot.script({ status: 503, body: JSON.stringify({ message: "Service unavailable" }) });
    const delivery = await followTest(d.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, responseCode: 503, nextAttemptAt: null });
  });

  it("fails a test at once when the token is refused, without turning the destination off", async () => {
    const d = await make({
      kind: "hubspot",
      name: "HubSpot wrong token",
      config: { ...config(), accessToken: "pat-na1-wrong-token-9999" },
      rules: { calls: "none" },
    });
    const delivery = await followTest(d.id);
    expect(delivery).toMatchObject({
      status: "failed",
      attempts: 1,
      responseCode: 401,
      responseExcerpt: expect.stringContaining("Authentication credentials not found"),
    });
    expect(await destination(d.id)).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });
});
