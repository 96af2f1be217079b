import { describe, expect, it, vi } from "vitest";
import { scenario } from "@/lib/demo/scenario";
import type { ProviderId } from "@/lib/providers/lookup";
import { throwawayInfo } from "../support/throwaway-vendor/info";

// Adding a webhook vendor takes its module (lib/providers/<vendor>/) and its
// line in the registry (with its twin in the zod-free catalog). This test
// proves that nothing else needs to change: it adds a throwaway vendor
// (tests/support/throwaway-vendor, a module like the real ones) to both lists
// exactly as those lines would, by replacing the list modules, and checks
// that every consumer picks it up: the sources API's enum, the names shown in
// the dashboard, the connect form's choices and hint, the settings groups,
// the health alerts, the read API's schema, mapPayload and the sample payload.
//
// Why a mock of the two list files and not a registration hook or an env
// var: the lists are the only thing a developer edits, so replacing them is
// the honest stand-in for that edit, and production code keeps no test-only
// way to register a vendor. It stays a unit test because the app in the
// integration tests is a separate, already built process that a registration
// here cannot reach; tests/integration/vendor-walkthrough.test.ts walks the
// registered vendors through that app using only registry data.

vi.mock("@/lib/providers/catalog", async (original) => {
  const { CATALOG } = await original<typeof import("@/lib/providers/catalog")>();
  return { CATALOG: [...CATALOG, throwawayInfo] };
});
vi.mock("@/lib/providers/registry", async (original) => {
  const { REGISTRY } = await original<typeof import("@/lib/providers/registry")>();
  const { throwaway } = await import("../support/throwaway-vendor");
  return { REGISTRY: [...REGISTRY, throwaway] };
});

const id = "throwaway" as ProviderId;
const ctx = { receivedAt: new Date("2026-11-01T12:00:00Z"), defaultRegion: "US", query: {} };

describe("a vendor added to the registry", () => {
  it("is a vendor the sources API accepts, and the others still are", async () => {
    const { connectSourceInput } = await import("@/lib/sources/connect-input");
    expect(connectSourceInput.parse({ name: "Throwaway", provider: "throwaway" }).provider).toBe("throwaway");
    expect(connectSourceInput.safeParse({ name: "Cllr", provider: "cllr" }).success).toBe(true);
    expect(connectSourceInput.safeParse({ name: "Nobody", provider: "nobody" }).success).toBe(false);
    const { isProviderId, PROVIDER_IDS } = await import("@/lib/providers/lookup");
    expect(isProviderId("throwaway")).toBe(true);
    expect(PROVIDER_IDS.at(-1)).toBe("throwaway");
  });

  it("has its name in the dashboard and a choice in the connect form", async () => {
    const { PROVIDER_NAMES } = await import("@/components/calls/labels");
    expect(PROVIDER_NAMES.throwaway).toBe("Throwaway Voice");
    const { CONNECT_CHOICES } = await import("@/lib/providers/lookup");
    expect(CONNECT_CHOICES).toContainEqual({ id: "throwaway", label: "Throwaway Voice" });
    expect(CONNECT_CHOICES).toContainEqual({ id: "unpod", label: "Unpod (polled)" });
  });

  it("gets its console steps, with the secret in the URL as it asks", async () => {
    const { connectHint } = await import("@/lib/sources/console-hints");
    expect(connectHint("throwaway", "https://app.example/api/webhooks/tw", "whsec_1")).toEqual({
      url: "https://app.example/api/webhooks/tw?token=whsec_1",
      steps: ["Paste this URL as the post-call webhook."],
    });
  });

  it("has the settings groups and alerts its capabilities call for", async () => {
    const { applySettings, publicSettings, SettingsError } = await import("@/lib/sources/settings");
    expect(() => applySettings("throwaway", {}, { polling: { apiToken: "t" } })).toThrow(SettingsError);
    const { missingSettings } = await import("@/lib/sources/alert-rules");
    const facts = { provider: "throwaway", settings: publicSettings({}), polling: null };
    expect(missingSettings(facts)).toBe("Recordings cannot play: Throwaway Voice sends them as files in your storage bucket, and no storage is set up.");
    const { settingsGroupsOf } = await import("@/lib/providers/modules");
    expect(settingsGroupsOf("throwaway").map((g) => g.key)).toEqual(["storage"]);
    expect(Object.keys(publicSettings({}))).toContain("storage");
  });

  it("is a vendor the read API's call schema knows", async () => {
    const { callItemSchema } = await import("@/lib/calls/schemas");
    expect(callItemSchema.shape.provider.safeParse("throwaway").success).toBe(true);
  });

  it("maps its payloads, its own sample payload included", async () => {
    const { mapPayload, samplePayload } = await import("@/lib/providers/modules");
    const s = scenario(9, 4, { now: ctx.receivedAt, days: 5 });
    const result = mapPayload(id, samplePayload(id, s), ctx);
    expect(result).toMatchObject({ ok: true, call: { externalId: "tw-4", summary: s.summary } });
    expect(mapPayload(id, { phone: "+15550001111" }, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/^Throwaway Voice payload: /) });
  });
});
