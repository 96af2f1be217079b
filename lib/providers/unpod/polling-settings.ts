import { z } from "zod";
import { defineSettingsGroup, openGroup } from "@/lib/sources/settings-group";

// How the app reaches Unpod's task API and how often: the settings group of
// this polled vendor. Its tokens stay with the API's host.

export const DEFAULT_UNPOD_API = "https://unpod.ai/api/v2/platform";

const schema = z.object({
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default(DEFAULT_UNPOD_API),
  apiToken: z.string().min(1),
  spaceToken: z.string().min(1),
  orgHandle: z.string().min(1),
  pageSize: z.int().min(1).max(100).default(50),
  /** Seconds between polls; 0 = only when /api/cron/unpod is called (lib/polling reads it). */
  intervalSec: z.int().min(0).max(86_400).default(60),
  /** Pages per run while importing a backlog; the next run follows at once. */
  pagesPerRun: z.int().min(1).max(200).default(20),
});
export type PollingSettings = z.infer<typeof schema>;

export const unpodPollingGroup = defineSettingsGroup({
  key: "polling",
  title: "Polling",
  legend: "Polling Unpod's task API",
  schema,
  secrets: ["apiToken", "spaceToken"],
  boundToHost: { apiBaseUrl: ["apiToken", "spaceToken"] },
  labels: {
    apiBaseUrl: "Unpod API address",
    apiToken: "API token",
    spaceToken: "space token",
    orgHandle: "Org handle",
    intervalSec: "Poll interval (seconds)",
  },
  fields: [
    {
      type: "url",
      name: "apiBaseUrl",
      label: "API base URL",
      fallback: DEFAULT_UNPOD_API,
      hint: "On another host, enter both tokens again: saved ones stay with the old host.",
    },
    { type: "text", name: "orgHandle", label: "Org handle (Org-Handle header)" },
    { type: "secret", name: "apiToken", label: "API token" },
    { type: "secret", name: "spaceToken", label: "Space token" },
    { type: "number", name: "intervalSec", label: "Poll every (seconds; 0 = only via /api/cron/unpod)", fallback: "60" },
    { type: "number", name: "pageSize", label: "Tasks per page", fallback: "50" },
    { type: "number", name: "pagesPerRun", label: "Pages per run", fallback: "20" },
  ],
});

/** The polling settings with their tokens decrypted (for the poller itself), or null when not configured. */
export function unpodPollingSettings(current: unknown): PollingSettings | null {
  return openGroup(unpodPollingGroup, current);
}
