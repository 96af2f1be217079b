import { db } from "@/lib/db/client";
import { newUnsubscribeToken } from "./subscription";

// The unsubscribe link (no sign-in: the token is the key, 32 random bytes).
// Unsubscribing turns the digest off and gives it a new token, so an old
// email's link cannot turn it off again after the user turns it back on.

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export interface UnsubscribeTarget {
  email: string;
  enabled: boolean;
  frequency: string;
  channels: string[];
}

export async function findByToken(token: string): Promise<UnsubscribeTarget | null> {
  if (!TOKEN.test(token)) return null;
  const sub = await db.digestSubscription.findUnique({ where: { unsubscribeToken: token }, include: { user: { select: { email: true } } } });
  if (!sub) return null;
  const channels = [sub.email ? "email" : null, sub.slackDestinationId || sub.slackWebhookUrl ? "Slack" : null].filter((c): c is string => c !== null);
  return { email: sub.user.email, enabled: sub.enabled, frequency: sub.frequency, channels };
}

/** Turns the digest off; false when no digest has this token (unknown, or used already). */
export async function unsubscribe(token: string): Promise<boolean> {
  if (!TOKEN.test(token)) return false;
  const { count } = await db.digestSubscription.updateMany({
    where: { unsubscribeToken: token },
    data: { enabled: false, unsubscribeToken: newUnsubscribeToken() },
  });
  return count > 0;
}
