import { z } from "zod";
import { defineDestinationKind } from "@/lib/destinations/kinds/types";
import type { SendInput } from "@/lib/destinations/types";

// A throwaway destination kind for tests/unit/destination-kinds.test.ts: a
// module written the way a new sink (Pipedrive, Teams, email) would be, with
// a sender that only remembers what it was asked to send.

export const pigeonSent: Array<{ config: Record<string, unknown>; input: SendInput }> = [];

export const pigeon = defineDestinationKind({
  id: "pigeon",
  label: "Carrier pigeon",
  namePlaceholder: "Roof loft",
  takesAlerts: false,
  schema: z.object({
    loft: z.string().min(1, "Name the loft the pigeon flies to."),
    ring: z.string().regex(/^ring_\w{6,}$/, "A ring looks like ring_ and six letters or more."),
    homing: z.boolean().default(true),
  }),
  secretFields: ["ring"],
  maskedAs: { ring: (ring) => `ring_…${ring.slice(-2)}` },
  generatesSecret: { field: "ring", make: () => "ring_hatched" },
  shownOnce: { label: "Leg ring: give it to the loft", note: "Shown once.", help: ["The loft checks it with ", { code: "ring.verify()" }, "."] },
  rateIntervalSec: 42,
  send(config, input) {
    pigeonSent.push({ config, input });
    return Promise.resolve({ ok: true, status: 200, excerpt: `Flown to ${config.loft}.` });
  },
  defaultConfig: { homing: true },
  fields: [
    { type: "text", name: "loft", label: "Loft", placeholder: "Roof" },
    { type: "secret", name: "ring", label: "Leg ring", placeholder: "ring_…", concealed: false },
    { type: "checkbox", name: "homing", label: "Flies home after delivering" },
  ],
});
