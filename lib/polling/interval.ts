import type { z } from "zod";
import { pollerOf } from "@/lib/providers/modules";
import { savedGroup } from "@/lib/sources/settings-group";

/**
 * Whether a source is set up for polling, and every how many seconds (0: on
 * cron calls only), read without decrypting anything: for the schedule and
 * the health checks, which run often. Null for a vendor the app does not poll.
 */
export function pollingInterval(provider: string, current: unknown): number | null {
  const poller = pollerOf(provider);
  const values = poller ? savedGroup(poller.settings, current) : undefined;
  if (!poller || !values || !poller.settings.sealed.hasSecrets(values)) return null;
  // Read as the group's schema reads it, so that its default applies.
  const field = (poller.settings.schema.shape as Record<string, z.ZodType>).intervalSec;
  const parsed = field?.safeParse(values.intervalSec);
  return parsed?.success && typeof parsed.data === "number" ? parsed.data : null;
}
