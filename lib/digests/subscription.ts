import { randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { QUEUE, queueOptions } from "@/lib/jobs/queues";
import { mailConfigured } from "@/lib/mail/send";
import type { DigestInput } from "./input";
import { isSlackDestination, maskedWebhookUrl, sealWebhookUrl, TEAM_SLACK_FOR_ADMINS } from "./slack-target";
import type { DigestSendView, DigestSettings } from "./types";
import { visibleViews } from "./views";

// A user's digest settings (one row per user, made on the first save).

/** The unsubscribe link's token: 32 random bytes, so it cannot be guessed. */
export const newUnsubscribeToken = () => randomBytes(32).toString("base64url");

const DEFAULTS: DigestSettings = {
  saved: false,
  enabled: false,
  frequency: "daily",
  weekday: 1,
  sendAt: "08:00",
  viewIds: [],
  email: true,
  slack: { kind: "none" },
};

type Row = Prisma.DigestSubscriptionGetPayload<object>;

function toSettings(row: Row): DigestSettings {
  return {
    saved: true,
    enabled: row.enabled,
    frequency: row.frequency === "weekly" ? "weekly" : "daily",
    weekday: row.weekday,
    sendAt: row.sendAt,
    viewIds: row.viewIds,
    email: row.email,
    slack: row.slackWebhookUrl
      ? { kind: "own", webhookUrlMasked: maskedWebhookUrl(row.slackWebhookUrl) }
      : row.slackDestinationId
        ? { kind: "destination", destinationId: row.slackDestinationId }
        : { kind: "none" },
  };
}

export async function readDigestSettings(userId: string): Promise<DigestSettings> {
  const row = await db.digestSubscription.findUnique({ where: { userId } });
  return row ? toSettings(row) : { ...DEFAULTS, email: mailConfigured() };
}

const refuse = (detail: string) => new DomainError("invalid", "Digest settings not saved", detail);

/** Checks the form against what exists now, and saves it. */
export async function saveDigestSettings(userId: string, input: DigestInput, owner: { admin: boolean }): Promise<DigestSettings> {
  const saved = await db.digestSubscription.findUnique({ where: { userId } });
  if (input.email && !mailConfigured()) throw refuse("Email is not set up on this server (SMTP_URL): choose Slack, or ask an admin to set up email.");
  const visible = new Set((await visibleViews(userId)).map((v) => v.id));
  const missing = input.viewIds.filter((id) => !visible.has(id));
  if (missing.length) throw refuse("One of the chosen views no longer exists or is not shared with you: reload the page and choose again.");

  let slackDestinationId: string | null = null;
  let slackWebhookUrl: string | null = null;
  if (input.slack.kind === "destination") {
    if (!owner.admin) throw refuse(TEAM_SLACK_FOR_ADMINS);
    if (!(await isSlackDestination(input.slack.destinationId)))
      throw refuse("That Slack destination no longer exists: choose another, or paste a webhook URL.");
    slackDestinationId = input.slack.destinationId;
  } else if (input.slack.kind === "own") {
    slackWebhookUrl = input.slack.webhookUrl ? sealWebhookUrl(input.slack.webhookUrl) : (saved?.slackWebhookUrl ?? null);
    if (!slackWebhookUrl) throw refuse("Paste the Slack incoming-webhook URL to send the digest to.");
  }
  if (input.enabled && !input.email && input.slack.kind === "none") throw refuse("Choose where the digest goes: email, Slack, or both.");

  const data = {
    enabled: input.enabled,
    frequency: input.frequency,
    weekday: input.weekday,
    sendAt: input.sendAt,
    viewIds: [...new Set(input.viewIds)],
    email: input.email,
    slackDestinationId,
    slackWebhookUrl,
  };
  const row = await db.digestSubscription.upsert({
    where: { userId },
    create: { userId, unsubscribeToken: newUnsubscribeToken(), ...data },
    update: data,
  });
  return toSettings(row);
}

export async function recentSends(userId: string, take = 5): Promise<DigestSendView[]> {
  const tries = (queueOptions()[QUEUE.digests].retryLimit ?? 0) + 1;
  const rows = await db.digestSend.findMany({ where: { subscription: { userId } }, orderBy: { createdAt: "desc" }, take });
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    status: r.status === "sent" || r.status === "failed" ? r.status : "sending",
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    emailSentAt: r.emailSentAt?.toISOString() ?? null,
    slackSentAt: r.slackSentAt?.toISOString() ?? null,
    attempts: r.attempts,
    error: r.error,
    retrying: r.status === "failed" && r.attempts < tries,
  }));
}
