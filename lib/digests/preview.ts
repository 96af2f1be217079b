import { DateTime } from "luxon";
import { db } from "@/lib/db/client";
import { userTimeZone } from "@/lib/users/time-zone";
import { buildDigest } from "./content";
import { digestEmail } from "./email";

/** The email a digest sent now would be, from the saved settings (or a daily one without views before the first save). */
export async function previewDigest(userId: string): Promise<{ subject: string; html: string; text: string }> {
  const [sub, timeZone] = await Promise.all([db.digestSubscription.findUnique({ where: { userId } }), userTimeZone(userId)]);
  const content = await buildDigest({
    userId,
    timeZone,
    frequency: sub?.frequency === "weekly" ? "weekly" : "daily",
    viewIds: sub?.viewIds ?? [],
    // Not the real token: a preview is shown in the page, and its link must not unsubscribe anyone.
    unsubscribeToken: "preview",
    endsAt: DateTime.now().setZone(timeZone).startOf("day"),
  });
  return digestEmail(content);
}
