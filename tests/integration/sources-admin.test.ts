import { describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { api, baseUrl, jsonOf, problemDetail, uniq, type WebhookAnswer } from "../support/http";
import { asUser } from "../support/session";

// Admins connect sources (URL and secret shown once), rotate secrets with a
// grace period, send test events through the pipeline, disable and delete.

const admin = (path: string, init?: RequestInit) => asUser(TEST_ADMIN, path, init);
type Rotation = { secret: string; previousValidUntil: string | null };
const post = (path: string, body: unknown = {}) => admin(path, { method: "POST", body: JSON.stringify(body) });
const cllrCall = () => ({ ...fixture<Record<string, unknown>>("cllr/example.json"), callId: uniq("cllr"), transcriptUri: undefined });
const webhook = (slug: string, secret: string) =>
  fetch(`${baseUrl()}/api/webhooks/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-webhook-secret": secret },
    body: JSON.stringify(cllrCall()),
  });

async function connect(name: string, provider = "cllr") {
  const res = await post("/api/sources", { name, provider });
  expect(res.status).toBe(201);
  return (await res.json()) as { slug: string; secret: string; webhookUrl: string; connect: { url: string; steps: string[] } };
}

describe("connecting and managing sources", () => {
  it("connects a source and answers its URL, secret and the vendor's steps once", async () => {
    const name = `Cllr ${uniq()}`;
    const source = await connect(name);
    expect(source.slug).toMatch(/^cllr-/);
    expect(source.webhookUrl).toBe(`${baseUrl()}/api/webhooks/${source.slug}`);
    expect(source.connect.url).toBe(`${source.webhookUrl}?token=${encodeURIComponent(source.secret)}`);
    expect(source.connect.steps.join(" ")).toMatch(/webhooks\.postCall/);
    expect((await webhook(source.slug, source.secret)).status).toBe(202);
    // Through the URL to paste, as Cllr would send it.
    const viaToken = await fetch(source.connect.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(cllrCall()) });
    expect(viaToken.status).toBe(202);
    const view = await (await admin(`/api/sources/${source.slug}`)).text();
    expect(view).not.toContain(source.secret);
  });

  it("rotates a secret: both work during the grace period, the old one stops when it ends", async () => {
    const { slug, secret: first } = await connect(`Rotate ${uniq()}`);
    const rotated = await jsonOf<Rotation>(post(`/api/sources/${slug}/rotate-secret`));
    expect(rotated.secret).not.toBe(first);
    expect(new Date(rotated.previousValidUntil!).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect((await webhook(slug, first)).status).toBe(202);
    expect((await webhook(slug, rotated.secret)).status).toBe(202);

    const again = await jsonOf<Rotation>(post(`/api/sources/${slug}/rotate-secret`, { graceHours: 0 }));
    expect(again.previousValidUntil).toBeNull();
    expect((await webhook(slug, rotated.secret)).status).toBe(401);
    expect((await webhook(slug, again.secret)).status).toBe(202);
  });

  it("sends a test event in the vendor's format through the pipeline, for every vendor", async () => {
    for (const provider of ["cllr", "hooman", "autocalls", "hubtalk", "unpod"]) {
      const { slug } = await connect(`Test ${provider} ${uniq()}`, provider);
      const res = await post(`/api/sources/${slug}/test-event`);
      expect(res.status, provider).toBe(200);
      const { status, answer } = await jsonOf<{ status: number; answer: WebhookAnswer }>(res);
      expect({ provider, status }).toEqual({ provider, status: 202 });
      const call = await jsonOf<unknown>(api(`/api/calls/${answer.callId}`));
      expect(call).toMatchObject({ provider, id: answer.callId });
      const event = await jsonOf<{ headers: Record<string, string> }>(admin(`/api/raw-events/${answer.eventId}`));
      expect(event.headers["x-test-event"]).toBe("1");
    }
  });

  it("deletes a source without calls, and asks to disable one with calls", async () => {
    const empty = await connect(`Empty ${uniq()}`);
    expect((await admin(`/api/sources/${empty.slug}`, { method: "DELETE" })).status).toBe(200);
    expect((await webhook(empty.slug, empty.secret)).status).toBe(404);

    const used = await connect(`Used ${uniq()}`);
    expect((await webhook(used.slug, used.secret)).status).toBe(202);
    const refused = await admin(`/api/sources/${used.slug}`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect(await problemDetail(refused)).toMatch(/disable it instead/);
    expect((await admin(`/api/sources/${used.slug}`, { method: "PATCH", body: JSON.stringify({ enabled: false }) })).status).toBe(200);
    expect((await webhook(used.slug, used.secret)).status).toBe(403);
  });

  it("keeps all of it to admins", async () => {
    const manager = (path: string, method = "POST") => asUser(TEST_MANAGER, path, { method, body: method === "POST" ? "{}" : undefined });
    expect((await manager("/api/sources")).status).toBe(403);
    expect((await manager("/api/sources/cllr/rotate-secret")).status).toBe(403);
    expect((await manager("/api/sources/cllr/test-event")).status).toBe(403);
    expect((await manager("/api/sources/cllr", "DELETE")).status).toBe(403);
  });
});
