import { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import { allSettingsGroups, settingsGroupsOf } from "@/lib/providers/modules";
import { SettingsError } from "@/lib/security/sealed-settings";
import { savedGroup, type SettingsGroupDef } from "./settings-group";

export { SettingsError };

// What an admin can set on a source besides its name, kept in sources.settings:
//   health   (every source): how long a silence is normal before it is an alert
//   and the groups its vendor's module brings (./settings-group.ts): Unpod's
//   polling, the storage of HubTalk's recordings.
// Secret fields are stored encrypted and never sent back: reads show only
// whether they are set.

export const DEFAULT_EXPECTED_GAP_MINUTES = 24 * 60;

const health = z.object({
  expectedGapMinutes: z
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(DEFAULT_EXPECTED_GAP_MINUTES),
});
type Health = z.infer<typeof health>;

/** What an admin sends: a group by its key (null removes it), whose secret fields may be left out to keep the saved ones. */
export const settingsInput = z.object({ health: health.partial().optional() }).catchall(z.record(z.string(), z.unknown()).nullable());
export type SettingsInput = z.infer<typeof settingsInput>;

type Values = Record<string, unknown>;
const savedHealth = (current: unknown) => health.parse(savedGroup({ key: "health" }, current) ?? {});

function sealGroup(group: SettingsGroupDef, input: Values, previous: Values | undefined) {
  try {
    return group.sealed.seal(input, previous);
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    throw new SettingsError(
      `${group.title}: ${e.message}`,
      e.errors.map((err) => ({ ...err, field: `${group.key}.${err.field}` })),
    );
  }
}

/** The settings to store after an admin's change: validated, secrets encrypted. */
export function applySettings(provider: string, current: unknown, input: SettingsInput): Prisma.InputJsonObject {
  const next: Values = { ...((current ?? {}) as Values) };
  const groups = settingsGroupsOf(provider);
  for (const [key, value] of Object.entries(input)) {
    if (key === "health" || value === undefined) continue;
    const group = groups.find((g) => g.key === key);
    if (!group) throw new SettingsError(`This source has no ${key} settings.`);
    if (value === null) delete next[key];
    else next[key] = sealGroup(group, value, savedGroup(group, current));
  }
  if (input.health) next.health = health.parse({ ...savedHealth(current), ...input.health });
  return next as Prisma.InputJsonObject;
}

export type PublicSettings = { health: Health } & Record<string, Values | null>;

/** Settings as the browser may see them: each group's secrets replaced by whether they are set (null: not set up). */
export function publicSettings(current: unknown): PublicSettings {
  const groups = Object.fromEntries(
    allSettingsGroups().map((group) => {
      const saved = savedGroup(group, current);
      return [group.key, saved ? group.sealed.mask(saved) : null];
    }),
  );
  return { ...groups, health: savedHealth(current) };
}

export function expectedGapMinutes(current: unknown): number {
  return savedHealth(current).expectedGapMinutes;
}
