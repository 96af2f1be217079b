import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { readTimeZone, timeZoneSchema } from "@/lib/settings/time-zone";
import { saveUserTimeZone, userTimeZone } from "@/lib/users/time-zone";

// The signed-in person's own time zone (their digests' local hour), or null
// to follow the organisation's.
const body = z.object({ timeZone: timeZoneSchema.nullable() });

export const GET = apiRoute({ auth: "user" }, async ({ principal }) => ({
  timeZone: await userTimeZone(principal.id),
  organisation: await readTimeZone(),
}));

export const PUT = apiRoute({ auth: "user", body, labels: { timeZone: "Time zone" } }, async ({ principal, body, audit }) => {
  const saved = await saveUserTimeZone(principal.id, body.timeZone);
  if (saved.before !== saved.after) {
    await audit({ action: "account.time_zone", target: { type: "user", id: principal.id, name: principal.email }, before: saved.before, after: saved.after });
  }
  return { own: saved.after, timeZone: await userTimeZone(principal.id), organisation: await readTimeZone() };
});
