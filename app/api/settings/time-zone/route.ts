import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { saveTimeZone, timeZoneIsSet } from "@/lib/settings/save-time-zone";
import { readTimeZone, timeZoneSchema } from "@/lib/settings/time-zone";
import { rebucketState } from "@/lib/stats/rebucket";

// The organisation's time zone (admins), with the progress of the re-grouping
// of the charts' days that changing it starts.
export const GET = apiRoute({ auth: "admin" }, async () => ({
  timeZone: await readTimeZone(),
  isSet: await timeZoneIsSet(),
  rebucket: await rebucketState(),
}));

const body = z.object({
  timeZone: timeZoneSchema,
  /** From the first admin's browser: saved only when no zone was chosen yet. */
  ifUnset: z.boolean().optional(),
});

export const PUT = apiRoute({ auth: "admin", body }, async ({ body, audit }) => {
  const saved = await saveTimeZone(body.timeZone, { ifUnset: body.ifUnset });
  if (saved.changed) {
    await audit({ action: "settings.time_zone", target: { type: "settings", id: "timeZone", name: "Time zone" }, before: saved.before, after: saved.after });
  }
  return { timeZone: saved.after, changed: saved.changed, rebucket: await rebucketState() };
});
