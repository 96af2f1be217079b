import { describe, expect, it } from "vitest";
import { scenario } from "@/lib/demo/scenario";
import { CATALOG } from "@/lib/providers/catalog";
import { REGISTRY } from "@/lib/providers/registry";
import { TEST_ADMIN } from "../support/credentials";
import { api, jsonOf, uniq, type WebhookAnswer } from "../support/http";
import { asUser } from "../support/session";

// Every registered vendor walked through the running app using only what its
// module says: connected through POST /api/sources (the console steps and the
// URL its info asks for), sent a test event, then (for vendors that post) its
// own sample payload posted the way its console steps say, and the call found
// in the list and read in detail. A new vendor's module is walked through here
// with no change to this file; tests/unit/provider-new-vendor.test.ts shows a
// vendor added to the registry reaches every consumer (the app these tests
// start is a separate, already built process, so that one cannot be here).

const admin = (path: string, init?: RequestInit) => asUser(TEST_ADMIN, path, init);

interface Connection {
  slug: string;
  provider: string;
  webhookUrl: string;
  secret: string;
  connect: { url: string; steps: string[] };
}

describe("every registered vendor", () => {
  for (const info of CATALOG) {
    const module = REGISTRY.find((m) => m.id === info.id)!;

    it(`${info.name}: connect, test event${info.capabilities.webhooks ? ", webhook, list and detail" : ""}`, async () => {
      const res = await admin("/api/sources", { method: "POST", body: JSON.stringify({ name: `${info.name} ${uniq()}`, provider: info.id }) });
      expect(res.status).toBe(201);
      const source = await jsonOf<Connection>(res);
      expect(source.provider).toBe(info.id);
      expect(source.connect.steps).toEqual(info.connect.steps);
      expect(source.connect.url).toBe(info.connect.tokenInUrl ? `${source.webhookUrl}?token=${encodeURIComponent(source.secret)}` : source.webhookUrl);

      const test = await admin(`/api/sources/${source.slug}/test-event`, { method: "POST", body: "{}" });
      expect(test.status).toBe(200);
      const { status, answer } = await jsonOf<{ status: number; answer: WebhookAnswer }>(test);
      expect({ status, answer: answer.status }).toEqual({ status: 202, answer: "stored" });
      expect(await jsonOf<unknown>(api(`/api/calls/${answer.callId}`))).toMatchObject({ provider: info.id, isTest: true });

      if (!info.capabilities.webhooks) return;
      const call = scenario(11, 500_000 + Math.floor(Math.random() * 400_000), { days: 2 });
      // The secret goes where the vendor's console puts it: in the URL, or as a header.
      const sent = await fetch(source.connect.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(info.connect.tokenInUrl ? {} : { "x-webhook-secret": source.secret }) },
        body: JSON.stringify(module.sample(call)),
      });
      expect(sent.status).toBe(202);
      const { callId } = await jsonOf<WebhookAnswer>(sent);

      const list = await jsonOf<{ items: { id: string; provider: string }[] }>(
        api(`/api/calls?provider=${info.id}&q=${encodeURIComponent(call.customer.phone)}&limit=200`),
      );
      expect(list.items.map((c) => c.id)).toContain(callId);
      const detail = await jsonOf<{ provider: string; isTest: boolean; summary: string | null }>(api(`/api/calls/${callId}`));
      expect(detail).toMatchObject({ provider: info.id, isTest: false, summary: call.summary });
    });
  }
});
