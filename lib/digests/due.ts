import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { DomainError } from "@/lib/errors";
import { enqueueMany, QUEUE } from "@/lib/jobs/boss";
import { storedTimeZone, timeZoneSchema } from "@/lib/settings/time-zone";
import { LATE_LIMIT_HOURS, latestSlot } from "./schedule";

// Which digests are due, claimed exactly once: the every-minute maintenance
// job finds each enabled subscription's latest slot (lib/digests/schedule.ts)
// and claims its period with INSERT … ON CONFLICT DO NOTHING on
// (subscription_id, period). Whichever process gets there first queues the
// send; every other finds the row and does nothing.

export interface Claimed {
  sendId: string;
  subscriptionId: string;
  period: string;
}

async function claim(rows: { subscriptionId: string; period: string }[]): Promise<Claimed[]> {
  if (rows.length === 0) return [];
  const claimed = await db.$queryRaw<{ id: string; subscription_id: string; period: string }[]>`
    INSERT INTO digest_sends (id, subscription_id, period)
    SELECT gen_random_uuid(), s, p FROM unnest(${rows.map((r) => r.subscriptionId)}::uuid[], ${rows.map((r) => r.period)}::text[]) AS t(s, p)
    ON CONFLICT (subscription_id, period) DO NOTHING
    RETURNING id, subscription_id, period`;
  await enqueueMany(
    QUEUE.digests,
    claimed.map((r) => ({ data: { sendId: r.id }, key: r.id })),
  );
  return claimed.map((r) => ({ sendId: r.id, subscriptionId: r.subscription_id, period: r.period }));
}

/** Claims and queues every digest due at `now`; `only` narrows it to some subscriptions (tests with a `now` of their own). */
export async function queueDueDigests(now = new Date(), opts: { only?: string[] } = {}): Promise<Claimed[]> {
  const subs = await db.digestSubscription.findMany({
    where: { enabled: true, user: { active: true }, ...(opts.only ? { id: { in: opts.only } } : {}) },
    select: { id: true, frequency: true, weekday: true, sendAt: true, user: { select: { timeZone: true } } },
  });
  // Read from the database: a digest is sent and labelled once, so not from a copy a change has not reached yet.
  const orgZone = await storedTimeZone();
  const due = subs.flatMap((sub) => {
    const zone = timeZoneSchema.safeParse(sub.user.timeZone).data ?? orgZone;
    const slot = latestSlot({ frequency: sub.frequency === "weekly" ? "weekly" : "daily", weekday: sub.weekday, sendAt: sub.sendAt }, zone, now);
    return slot ? [{ subscriptionId: sub.id, period: slot.period }] : [];
  });
  return claim(due);
}

/** "Send now" presses a minute per person: enough to try a change, too few to flood an inbox or a Slack channel. */
const SEND_NOW_PER_MINUTE = 3;

/** A "Send now": its own period, so it never takes the place of the scheduled one. */
export async function sendDigestNow(userId: string): Promise<string> {
  const sub = await db.digestSubscription.findUnique({ where: { userId } });
  if (!sub) throw new DomainError("conflict", "No digest yet", "Save your digest settings first, then send one.");
  const recent = await db.digestSend.count({
    where: { subscriptionId: sub.id, period: { startsWith: "now:" }, createdAt: { gt: new Date(Date.now() - 60_000) } },
  });
  if (recent >= SEND_NOW_PER_MINUTE)
    throw new DomainError("too_many", "Too many digests", "You sent several digests this minute: wait a moment before sending another.");
  if (!sub.email && !sub.slackDestinationId && !sub.slackWebhookUrl) {
    throw new DomainError("conflict", "Nowhere to send", "Choose email or Slack for your digest first.");
  }
  const [claimed] = await claim([{ subscriptionId: sub.id, period: `now:${randomUUID()}` }]);
  return claimed.sendId;
}

/**
 * Sends claimed but never queued (the process stopped between the claim and
 * the queue) or whose job is gone: queued again. Recent ones only; the
 * advisory lock and the per-channel marks make a second job harmless.
 */
export async function sweepDigestSends(): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT d.id FROM digest_sends d
     WHERE d.status = 'sending' AND d.created_at < now() - interval '2 minutes' AND d.created_at > now() - make_interval(hours => $2)
       AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.singleton_key = d.id::text AND j.state < 'completed')
     LIMIT 100`,
    [QUEUE.digests, LATE_LIMIT_HOURS],
  );
  await enqueueMany(
    QUEUE.digests,
    rows.map(({ id }) => ({ data: { sendId: id }, key: id })),
  );
  return rows.length;
}
