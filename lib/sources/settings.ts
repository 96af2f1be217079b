import { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import { settingsGroupsOf } from "@/lib/providers/lookup";
import { sealedSettings, SettingsError } from "@/lib/security/sealed-settings";

export { SettingsError };

// What an admin can set on a source besides its name, kept in sources.settings.
// Which groups a vendor has is in its module's info.ts:
//   polling  (polled vendors: Unpod): how to reach its task API and how often
//   storage  (recordings by key: HubTalk): the S3 bucket its recording keys point into
//   health   (all): how long a silence is normal before it is an alert
// Secret fields are stored encrypted and never sent back: reads show only
// whether they are set.

export const DEFAULT_UNPOD_API = "https://unpod.ai/api/v2/platform";
export const DEFAULT_EXPECTED_GAP_MINUTES = 24 * 60;

const polling = z.object({
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default(DEFAULT_UNPOD_API),
  apiToken: z.string().min(1),
  spaceToken: z.string().min(1),
  orgHandle: z.string().min(1),
  pageSize: z.int().min(1).max(100).default(50),
  /** Seconds between polls; 0 = only when /api/cron/unpod is called. */
  intervalSec: z.int().min(0).max(86_400).default(60),
  /** Pages per run while importing a backlog; the next run follows at once. */
  pagesPerRun: z.int().min(1).max(200).default(20),
});
export type PollingSettings = z.infer<typeof polling>;

const storage = z.object({
  bucket: z.string().min(1),
  region: z.string().min(1).default("us-east-1"),
  /** For S3-compatible stores (MinIO, R2, Wasabi); empty for AWS. */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  forcePathStyle: z.boolean().default(false),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
});
export type StorageSettings = z.infer<typeof storage>;

// The access key id is no secret and is sent with every change; the secret key must come again when the store moves.
const GROUPS = {
  polling: sealedSettings(polling, ["apiToken", "spaceToken"], {
    boundToHost: { apiBaseUrl: ["apiToken", "spaceToken"] },
    labels: {
      apiBaseUrl: "Unpod API address",
      apiToken: "API token",
      spaceToken: "space token",
      orgHandle: "Org handle",
      intervalSec: "Poll interval (seconds)",
    },
  }),
  storage: sealedSettings(storage, ["secretAccessKey"], {
    boundToHost: { endpoint: ["secretAccessKey"] },
    labels: { endpoint: "storage endpoint", accessKeyId: "Access key ID", secretAccessKey: "secret access key" },
  }),
};

const health = z.object({
  expectedGapMinutes: z
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(DEFAULT_EXPECTED_GAP_MINUTES),
});

const stored = z.looseObject({
  polling: z.record(z.string(), z.unknown()).optional(),
  storage: z.record(z.string(), z.unknown()).optional(),
  health: health.optional(),
});
type StoredSettings = z.infer<typeof stored>;

/** What an admin sends: secret fields may be left out to keep the saved ones. */
export const settingsInput = z.object({
  polling: z.record(z.string(), z.unknown()).nullable().optional(),
  storage: z.record(z.string(), z.unknown()).nullable().optional(),
  health: health.partial().optional(),
});
export type SettingsInput = z.infer<typeof settingsInput>;

const GROUP_TITLES = { polling: "Polling", storage: "Storage" };

function sealGroup(group: "polling" | "storage", input: Record<string, unknown>, previous: Record<string, unknown> | undefined) {
  try {
    return GROUPS[group].seal(input, previous);
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    throw new SettingsError(
      `${GROUP_TITLES[group]}: ${e.message}`,
      e.errors.map((err) => ({ ...err, field: `${group}.${err.field}` })),
    );
  }
}

/** The settings to store after an admin's change: validated, secrets encrypted. */
export function applySettings(provider: string, current: unknown, input: SettingsInput): Prisma.InputJsonObject {
  const previous = stored.parse(current ?? {});
  const groups = settingsGroupsOf(provider);
  const next: StoredSettings = { ...previous };
  for (const group of ["polling", "storage"] as const) {
    const value = input[group];
    if (value === undefined) continue;
    if (!groups.includes(group)) throw new SettingsError(`This source has no ${group} settings.`);
    if (value === null) delete next[group];
    else next[group] = sealGroup(group, value, previous[group]);
  }
  if (input.health) next.health = health.parse({ ...previous.health, ...input.health });
  return next as Prisma.InputJsonObject;
}

/** Settings as the browser may see them: secrets replaced by whether they are set. */
export function publicSettings(current: unknown) {
  const s = stored.parse(current ?? {});
  const mask = (group: "polling" | "storage") => (s[group] ? GROUPS[group].mask(s[group]) : null);
  return { polling: mask("polling"), storage: mask("storage"), health: health.parse(s.health ?? {}) };
}

/** A group in clear, or null when it is not set up (or no longer valid). */
function openGroup<G extends keyof typeof GROUPS>(group: G, current: unknown): ReturnType<(typeof GROUPS)[G]["open"]> | null {
  const values = stored.parse(current ?? {})[group];
  if (!values) return null;
  try {
    return GROUPS[group].open(values) as ReturnType<(typeof GROUPS)[G]["open"]>;
  } catch (e) {
    if (e instanceof z.ZodError) return null;
    throw e;
  }
}

/**
 * Whether a source is set up for polling, and how often, read without
 * decrypting anything: for the schedule and the health checks, which run often.
 */
export function pollingInterval(current: unknown): number | null {
  const values = stored.parse(current ?? {}).polling;
  if (!values || !GROUPS.polling.hasSecrets(values)) return null;
  const interval = polling.shape.intervalSec.safeParse(values.intervalSec);
  return interval.success ? interval.data : null;
}

/** The Unpod polling settings with their tokens decrypted (for the poller itself), or null when not configured. */
export function pollingSettings(current: unknown): PollingSettings | null {
  return openGroup("polling", current);
}

export function storageSettings(current: unknown): StorageSettings | null {
  return openGroup("storage", current);
}

export function expectedGapMinutes(current: unknown): number {
  return stored.parse(current ?? {}).health?.expectedGapMinutes ?? DEFAULT_EXPECTED_GAP_MINUTES;
}
