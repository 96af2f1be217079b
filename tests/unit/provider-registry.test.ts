import { describe, expect, it } from "vitest";
import { scenario } from "@/lib/demo/scenario";
import { CATALOG } from "@/lib/providers/catalog";
import { mapPayload } from "@/lib/providers/modules";
import { REGISTRY } from "@/lib/providers/registry";

// The registry (modules, server side) and the catalog (their zod-free half,
// for client components) are two lists: a vendor added to one and not the
// other, or with different facts in each, fails here.

const ctx = { receivedAt: new Date("2026-11-01T12:00:00Z"), defaultRegion: "US", query: {} };

describe("provider registry", () => {
  it("lists the same vendors as the catalog, in the same order", () => {
    expect(REGISTRY.map((m) => m.id)).toEqual(CATALOG.map((c) => c.id));
  });

  it("gives each module the facts of its catalog entry", () => {
    for (const [i, m] of REGISTRY.entries()) {
      const { adapter, sample, settings, poller, ...info } = m;
      expect(adapter.payload).toBeDefined();
      expect(typeof sample).toBe("function");
      expect(info).toEqual(CATALOG[i]);
    }
  });

  it("has the poller and settings groups its capabilities call for", () => {
    for (const m of REGISTRY) {
      const groups = (m.settings ?? []).map((g) => g.key);
      expect(Boolean(m.poller), m.id).toBe(m.capabilities.polled);
      expect(groups.includes("storage"), m.id).toBe(m.capabilities.recordingsByKey);
      if (m.poller) {
        expect(m.poller.settings.key).toBe("polling");
        expect(groups).toContain("polling");
        expect(Object.keys(m.poller.settings.schema.shape)).toContain("intervalSec");
      }
      expect(m.capabilities.webhooks || m.capabilities.polled).toBe(true);
    }
  });

  it("maps every vendor's own sample payload (demo data and test events use them)", () => {
    for (const m of REGISTRY) {
      for (let seq = 0; seq < 40; seq++) {
        const s = scenario(5, seq, { now: ctx.receivedAt, days: 30 });
        const result = mapPayload(m.id, m.sample(s), ctx);
        expect(result, `${m.id} #${seq}`).toMatchObject({ ok: true });
      }
    }
  });
});
