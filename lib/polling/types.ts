import type { SettingsGroupDef } from "@/lib/sources/settings-group";

// What a polled vendor's module gives the app (lib/providers/<vendor>/): the
// settings group that says how to reach its API and how often, and one run of
// its poller. The schedule, the cron route, the job chain and the health page
// are the app's (this folder); reading the vendor's API is the module's.

export type PollOutcome =
  | { status: "not_configured" | "busy" }
  | { status: "waiting"; until: string }
  | { status: "more"; pages: number; imported: number }
  | { status: "done"; pages: number; imported: number; intervalSec: number }
  | { status: "rate_limited"; pages: number; imported: number; retryAfterSec: number }
  | { status: "failed"; pages: number; imported: number; error: string; retry: boolean };

export interface Poller {
  /** Stored under sources.settings.polling; its schema has intervalSec (seconds between runs, 0 = on cron calls only). */
  settings: SettingsGroupDef;
  /** One bounded run for the source: "more" when a backlog remains, so the job queues the next at once. */
  poll(sourceId: string): Promise<PollOutcome>;
}
