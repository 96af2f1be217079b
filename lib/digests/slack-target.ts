import { db } from "@/lib/db/client";
import { openConfig } from "@/lib/destinations/config";
import { maskSlackUrl } from "@/lib/destinations/kinds/slack/url";
import { decrypt, encrypt } from "@/lib/security/encryption";

// Where a digest goes in Slack: an existing Slack destination (an admin set
// it up; the user picks it by name) or an incoming-webhook URL of the user's
// own, stored encrypted as destination secrets are and only shown masked.

export interface SlackChoice {
  id: string;
  name: string;
}

/** The Slack destinations a user may pick (names only: their URLs stay on the server). */
export async function slackDestinations(): Promise<SlackChoice[]> {
  return db.destination.findMany({ where: { kind: "slack", enabled: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export const sealWebhookUrl = (url: string) => encrypt(url);

/** "https://hooks.slack.com/services/…XyZ9", or null when it cannot be opened (SECRETS_KEY changed). */
export function maskedWebhookUrl(sealed: string): string | null {
  try {
    return maskSlackUrl(decrypt(sealed));
  } catch {
    return null;
  }
}

/** The URL to post the digest to, or null when Slack is not chosen; throws when it is chosen but unusable. */
export async function slackUrlFor(sub: { slackDestinationId: string | null; slackWebhookUrl: string | null }): Promise<string | null> {
  if (sub.slackWebhookUrl) return decrypt(sub.slackWebhookUrl);
  if (!sub.slackDestinationId) return null;
  const destination = await db.destination.findUnique({ where: { id: sub.slackDestinationId } });
  if (!destination || destination.kind !== "slack") throw new Error("The Slack destination chosen for this digest no longer exists: choose another.");
  if (!destination.enabled) throw new Error(`The Slack destination “${destination.name}” is turned off.`);
  return openConfig("slack", destination.config).webhookUrl;
}
