import type { Prisma } from "@/lib/db/client";
import { sealedSettings } from "@/lib/security/sealed-settings";
import { allDestinationKinds, destinationKind, type ConfigOf, type DestinationKind } from "./kinds/lookup";

// A destination's config as stored: each kind's schema (lib/destinations/kinds)
// says what it needs and which fields are secret. Secret fields (a token, a
// Slack webhook URL, which is itself a credential, a signing secret) are
// stored encrypted and never sent back.

export type { DestinationKind } from "./kinds/lookup";

const sealed = new Map(allDestinationKinds().map((k) => [k.id, sealedSettings(k.schema, k.secretFields, k.sealing)]));
const sealedFor = (kind: string) => sealed.get(destinationKind(kind).id)!;

/** The config to store after an admin's change, over the saved one: a field left out (or a secret left empty) keeps its value. */
export const sealConfig = (kind: DestinationKind, input: Record<string, unknown>, saved: unknown = {}) =>
  sealedFor(kind).seal(input, (saved ?? {}) as Record<string, unknown>, { partial: true }) as Prisma.InputJsonObject;

/** The config in clear, for sending. */
export const openConfig = <K extends DestinationKind>(kind: K, saved: unknown) => sealedFor(kind).open(saved) as ConfigOf<K>;

/** The config entered on creation, with the secret the kind makes when it is left empty (a webhook's signing secret), answered once. */
export function withMadeSecret(kind: DestinationKind, config: Record<string, unknown>): { config: Record<string, unknown>; secret?: string } {
  const made = destinationKind(kind).generatesSecret;
  if (!made || config[made.field]) return { config };
  const secret = made.make();
  return { config: { ...config, [made.field]: secret }, secret };
}

/**
 * The config as the browser may see it: secret fields only say whether they
 * are set; those the kind shows masked (a Slack URL) also as `<field>Masked`,
 * so admins can tell which one it is.
 */
export function publicConfig(kind: DestinationKind, saved: unknown): Record<string, unknown> {
  const view = sealedFor(kind).mask(saved);
  for (const [field, mask] of Object.entries(destinationKind(kind).maskedAs ?? {})) {
    if (view[field] === "set") view[`${field}Masked`] = masked(kind, saved, field, mask);
  }
  return view;
}

function masked(kind: DestinationKind, saved: unknown, field: string, mask: (value: string) => string): string | null {
  try {
    return mask(String((openConfig(kind, saved) as Record<string, unknown>)[field]));
  } catch {
    // Saved before its checks, or under another key: the admin enters it again.
    return null;
  }
}
