import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KindFields, readKindFields } from "@/components/admin/destination-kind-fields";
import { openConfig, publicConfig, sealConfig, withMadeSecret } from "@/lib/destinations/config";
import { destinationInput } from "@/lib/destinations/input";
import { DESTINATION_KIND_LABEL, destinationCatalog, destinationFormCatalog } from "@/lib/destinations/kinds/catalog";
import { allDestinationKinds, DESTINATION_KIND_IDS } from "@/lib/destinations/kinds/lookup";
import { sampleCall } from "@/lib/destinations/sample-call";
import { rateIntervalSec, sendTo } from "@/lib/destinations/send";
import type { DestinationKind } from "@/lib/destinations/config";
import { pigeonSent } from "../support/pigeon-kind";

// A new destination kind is one module and one line in the registry. This
// test is that line: it registers a throwaway kind (tests/support/pigeon-kind.ts)
// by appending it to the registry's list, as a real kind's line would, and
// checks that every consumer picks it up with nothing else changed: the API's
// validation, the form's catalog and fields, the labels, sealing and masking,
// the sender lookup and the rate limit.
//
// It is done at unit level on purpose: the integration tests run the app as a
// separate, built process, which registration in this process cannot reach,
// and registering a fake kind in the shipped registry would ship it.
// tests/integration/destination-kinds.test.ts checks instead that the built
// app creates, tests and delivers to real kinds driven by registry data alone.

vi.mock("@/lib/destinations/kinds/registry", async (importOriginal) => {
  const { DESTINATION_KINDS } = await importOriginal<typeof import("@/lib/destinations/kinds/registry")>();
  const { pigeon } = await import("../support/pigeon-kind");
  return { DESTINATION_KINDS: [...DESTINATION_KINDS, pigeon] };
});

const PIGEON = "pigeon" as DestinationKind;
const SECRETS_KEY = process.env.SECRETS_KEY;
beforeAll(() => {
  process.env.SECRETS_KEY = "44".repeat(32);
});
afterAll(() => {
  if (SECRETS_KEY === undefined) delete process.env.SECRETS_KEY;
  else process.env.SECRETS_KEY = SECRETS_KEY;
});

function formOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
}

describe("a destination kind registered with one line", () => {
  it("is accepted by the API's validation, and unknown kinds still are not", () => {
    expect(DESTINATION_KIND_IDS).toContain("pigeon");
    expect(destinationInput.parse({ kind: "pigeon", name: "Roof", config: { loft: "Roof" } })).toMatchObject({ kind: "pigeon", rules: {} });
    expect(destinationInput.safeParse({ kind: "owl", name: "Attic" }).success).toBe(false);
  });

  it("is in the form's catalog as plain data, with its label, fields, defaults and whether it takes alerts", () => {
    const entry = destinationCatalog().find((k) => k.id === "pigeon");
    expect(entry).toEqual({
      id: "pigeon",
      label: "Carrier pigeon",
      namePlaceholder: "Roof loft",
      takesAlerts: false,
      fields: expect.arrayContaining([expect.objectContaining({ name: "loft" }), expect.objectContaining({ name: "ring", type: "secret" })]) as unknown,
      defaultConfig: { homing: true },
      shownOnce: expect.objectContaining({ label: "Leg ring: give it to the loft" }) as unknown,
    });
    // What reaches the browser as props survives JSON: no schema, no sender.
    const catalog = destinationFormCatalog();
    expect(JSON.parse(JSON.stringify(catalog))).toEqual(catalog);
    expect(catalog.defaultRules).toEqual({ calls: "hot", outcomes: [], minScore: null, sourceIds: [], alerts: false, updates: false });
    expect(DESTINATION_KIND_LABEL.pigeon).toBe("Carrier pigeon");
  });

  it("gets its fields drawn and read back by the admin form", () => {
    const { fields, defaultConfig } = destinationCatalog().find((k) => k.id === "pigeon")!;
    const html = renderToStaticMarkup(createElement(KindFields, { fields, config: {}, defaults: defaultConfig }));
    expect(html).toContain('name="loft"');
    expect(html).toContain("Leg ring");
    expect(html).toMatch(/name="homing"[^>]*checked/);
    expect(readKindFields(fields, formOf({ loft: "Roof", ring: "ring_abcdef42", homing: "on" }))).toEqual({
      loft: "Roof",
      ring: "ring_abcdef42",
      homing: true,
    });
    expect(readKindFields(fields, formOf({ loft: "Roof", ring: "" }))).toEqual({ loft: "Roof", ring: "", homing: false });
  });

  it("has its secret made when left empty, sealed, shown only as set and masked as the kind says, and kept by a change", () => {
    const saved = sealConfig(PIGEON, { loft: "Roof", ring: "ring_abcdef42" });
    expect(JSON.stringify(saved)).not.toContain("abcdef42");
    expect(publicConfig(PIGEON, saved)).toEqual({ loft: "Roof", homing: true, ring: "set", ringMasked: "ring_…42" });
    const moved = sealConfig(PIGEON, { loft: "Barn", ring: "" }, saved);
    expect(openConfig(PIGEON, moved)).toEqual({ loft: "Barn", homing: true, ring: "ring_abcdef42" });
    expect(() => sealConfig(PIGEON, { loft: "Roof", ring: "crow" })).toThrow("A ring looks like ring_ and six letters or more.");
    // Left empty on creation, the secret is made by the kind and answered once.
    expect(withMadeSecret(PIGEON, { loft: "Roof" })).toEqual({ config: { loft: "Roof", ring: "ring_hatched" }, secret: "ring_hatched" });
    expect(withMadeSecret(PIGEON, { loft: "Roof", ring: "ring_abcdef42" })).toEqual({ config: { loft: "Roof", ring: "ring_abcdef42" } });
  });

  it("is sent to with its own sender, its config opened, at its own rate", async () => {
    const saved = sealConfig(PIGEON, { loft: "Roof", ring: "ring_abcdef42" });
    const event = { type: "call.test" as const, call: sampleCall(), callUrl: "https://calls.example/calls" };
    expect(await sendTo(PIGEON, saved, { key: "delivery-1", event })).toEqual({ ok: true, status: 200, excerpt: "Flown to Roof." });
    expect(pigeonSent.at(-1)).toEqual({ config: { loft: "Roof", homing: true, ring: "ring_abcdef42" }, input: { key: "delivery-1", event } });
    expect(rateIntervalSec(PIGEON)).toBe(42);
  });
});

describe("the registered kinds", () => {
  it("leave the built-in kinds as they were", () => {
    expect(destinationCatalog().map((k) => [k.id, k.label, k.takesAlerts])).toEqual([
      ["slack", "Slack", true],
      ["hubspot", "HubSpot", false],
      ["webhook", "Webhook", true],
      ["pigeon", "Carrier pigeon", false],
    ]);
    expect(["hubspot", "slack", "webhook"].map((k) => rateIntervalSec(k as DestinationKind))).toEqual([0.6, 1, 0.1]);
  });

  it("each name, in their form fields and secrets, only settings their schema has", () => {
    for (const kind of allDestinationKinds()) {
      // A secret the server makes is shown once by the form, which needs the words for it.
      expect(Boolean(kind.generatesSecret), kind.id).toBe(Boolean(kind.shownOnce));
      const settings = Object.keys(kind.schema.shape);
      for (const name of [...kind.fields.map((f) => f.name), ...kind.secretFields, ...Object.keys(kind.maskedAs ?? {})]) {
        expect(settings, `${kind.id}: ${name}`).toContain(name);
      }
    }
  });
});
