import { db } from "@/lib/db/client";
import { openConfig } from "@/lib/destinations/config";
import { maskSlackUrl } from "@/lib/destinations/kinds/slack/url";
import { decrypt, encrypt } from "@/lib/security/encryption";
import { slack } from "@/lib/destinations/kinds/slack";

// Where a digest goes in Slack: an existing Slack destination (admins only:
// a team's channel may take one source's calls alone, and a digest holds
// every source's leads) or an incoming-webhook URL of the user's own, stored
// encrypted as destination secrets are and only shown masked. Digests are
// Block Kit, so Slack is the one kind they go to.

export interface SlackChoice {
  id: string;
  name: string;
}

export const TEAM_SLACK_FOR_ADMINS =
  "A team's Slack destination is for admins to choose (it may take some sources' calls only): paste an incoming-webhook URL of your own.";

/** The Slack destinations an admin may pick (names only: their URLs stay on the server); none for anyone else. */
export async function slackDestinations(admin: boolean): Promise<SlackChoice[]> {
  if (!admin) return [];
  return db.destination.findMany({ where: { kind: slack.id, enabled: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Whether `id` is a Slack destination (enabled or not). */
export async function isSlackDestination(id: string): Promise<boolean> {
  const destination = await db.destination.findUnique({ where: { id }, select: { kind: true } });
  return destination?.kind === slack.id;
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
export async function slackUrlFor(sub: { slackDestinationId: string | null; slackWebhookUrl: string | null }, owner: { role: string }): Promise<string | null> {
  if (sub.slackWebhookUrl) return decrypt(sub.slackWebhookUrl);
  if (!sub.slackDestinationId) return null;
  // Chosen while an admin, no longer one: the team's channel is not theirs to post to.
  if (owner.role !== "admin") throw new Error(TEAM_SLACK_FOR_ADMINS);
  const destination = await db.destination.findUnique({ where: { id: sub.slackDestinationId } });
  if (!destination || destination.kind !== slack.id) throw new Error("The Slack destination chosen for this digest no longer exists: choose another.");
  if (!destination.enabled) throw new Error(`The Slack destination “${destination.name}” is turned off.`);
  return openConfig("slack", destination.config).webhookUrl;
}
