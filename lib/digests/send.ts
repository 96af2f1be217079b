import { DateTime } from "luxon";
import { appUrl } from "@/lib/api/app-url";
import { db } from "@/lib/db/client";
import { withTryLock } from "@/lib/db/try-lock";
import { postJson } from "@/lib/destinations/post-json";
import { sendMail } from "@/lib/mail/send";
import { userTimeZone } from "@/lib/users/time-zone";
import { buildDigest } from "./content";
import { digestEmail } from "./email";
import { digestSlackMessage } from "./slack";
import { slackUrlFor } from "./slack-target";

// One digest_sends row, sent (the "digests" queue's job). Each channel is
// marked sent the moment it went (email_sent_at, slack_sent_at), so a retry
// after a failure, a crash or a restart sends only what has not gone yet.
// An advisory lock keeps two workers from sending one row at once (a job
// whose lease ran out while its worker still sends); it goes with the
// connection, so a killed worker lets go of it.

/** Thrown so that the queue tries again later, with its back-off. */
export class DigestSendFailed extends Error {}

/** The local midnight that ends the period: a daily period is the slot's date; weekly and send-now ones end on the day they were claimed. */
function periodEnd(period: string, claimedAt: Date, zone: string): DateTime {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return DateTime.fromISO(period, { zone }).startOf("day");
  return DateTime.fromJSDate(claimedAt, { zone }).startOf("day");
}

const mailHost = () => new URL(appUrl()).hostname || "localhost";

export async function runDigestSend(sendId: string): Promise<string> {
  const result = await withTryLock(`digest-send:${sendId}`, () => sendUnlocked(sendId));
  if (result === null) throw new DigestSendFailed("Another worker is sending this digest right now; tried again later.");
  return result;
}

async function sendUnlocked(sendId: string): Promise<string> {
  const send = await readSend(sendId);
  if (!send) return "gone";
  if (send.status === "sent") return "already sent";
  const { subscription: sub } = send;
  const { user } = sub;
  if (!user.active) {
    await db.digestSend.update({ where: { id: sendId }, data: { status: "failed", error: "The account is deactivated." } });
    return "account deactivated";
  }
  // Turned off (or unsubscribed) since the period was claimed: a retry must not send it after all. "Send now" is asked for.
  if (!sub.enabled && !send.period.startsWith("now:")) {
    await db.digestSend.update({ where: { id: sendId }, data: { status: "failed", error: "The digest was turned off before it went." } });
    return "turned off";
  }
  await db.digestSend.update({ where: { id: sendId }, data: { status: "sending", attempts: { increment: 1 } } });
  try {
    return await sendChannels(send, sub, user);
  } catch (err) {
    // Anything outside the channels' own handling (the content's queries, say) is shown on the Account page too.
    if (!(err instanceof DigestSendFailed)) await db.digestSend.update({ where: { id: sendId }, data: { status: "failed", error: (err as Error).message } });
    throw err;
  }
}

type SendRow = NonNullable<Awaited<ReturnType<typeof readSend>>>;

const readSend = (sendId: string) => db.digestSend.findUnique({ where: { id: sendId }, include: { subscription: { include: { user: true } } } });

async function sendChannels(send: SendRow, sub: SendRow["subscription"], user: SendRow["subscription"]["user"]): Promise<string> {
  const sendId = send.id;
  const timeZone = await userTimeZone(user.id);
  const content = await buildDigest({
    userId: user.id,
    timeZone,
    frequency: sub.frequency === "weekly" ? "weekly" : "daily",
    viewIds: sub.viewIds,
    unsubscribeToken: sub.unsubscribeToken,
    endsAt: periodEnd(send.period, send.createdAt, timeZone),
  });
  const errors: string[] = [];

  if (sub.email && !send.emailSentAt) {
    const email = digestEmail(content);
    const oneClick = appUrl(`/api/digests/unsubscribe/${sub.unsubscribeToken}`);
    try {
      await sendMail({
        to: user.email,
        ...email,
        headers: {
          // The same id on every try of this send: a mail server that got it before can tell it is the same message.
          "Message-ID": `<digest-${send.id}@${mailHost()}>`,
          "List-Unsubscribe": `<${oneClick}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
      await db.digestSend.update({ where: { id: sendId }, data: { emailSentAt: new Date() } });
    } catch (err) {
      errors.push(`Email: ${(err as Error).message}`);
    }
  }

  if (!send.slackSentAt) {
    try {
      const url = await slackUrlFor(sub, user);
      if (url) {
        const answer = await postJson(url, JSON.stringify(digestSlackMessage(content)));
        if (!answer.ok) throw new Error(answer.status ? `Slack answered ${answer.status}${answer.excerpt ? `: ${answer.excerpt}` : ""}.` : answer.excerpt);
        await db.digestSend.update({ where: { id: sendId }, data: { slackSentAt: new Date() } });
      }
    } catch (err) {
      errors.push(`Slack: ${(err as Error).message}`);
    }
  }

  if (errors.length) {
    const error = errors.join(" ");
    await db.digestSend.update({ where: { id: sendId }, data: { status: "failed", error } });
    throw new DigestSendFailed(error);
  }
  await db.digestSend.update({ where: { id: sendId }, data: { status: "sent", sentAt: new Date(), error: null } });
  return "sent";
}
