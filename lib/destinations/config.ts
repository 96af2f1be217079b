import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import { OUTCOMES, type Outcome } from "@/lib/providers/values";
import { sealedSettings } from "@/lib/security/sealed-settings";
import { isSlackWebhookUrl, maskSlackUrl, SLACK_URL_ERROR } from "./slack-url";

// What each kind of destination needs, as an admin enters it. Secret fields
// (the HubSpot token, the Slack webhook URL, which is itself a credential, and
// the webhook signing secret) are stored encrypted and never sent back.

export const DESTINATION_KINDS = ["hubspot", "slack", "webhook"] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/** HubSpot's built-in contact lead statuses (property hs_lead_status). */
export const HUBSPOT_LEAD_STATUSES = ["NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING"] as const;

export const DEFAULT_LEAD_STATUS: Record<Outcome, (typeof HUBSPOT_LEAD_STATUSES)[number] | ""> = {
  meeting_scheduled: "OPEN_DEAL",
  interested: "IN_PROGRESS",
  callback_requested: "BAD_TIMING",
  not_interested: "UNQUALIFIED",
  no_answer: "ATTEMPTED_TO_CONTACT",
  voicemail: "ATTEMPTED_TO_CONTACT",
  busy: "ATTEMPTED_TO_CONTACT",
  failed: "ATTEMPTED_TO_CONTACT",
  other: "CONNECTED",
};

const leadStatusMap = z.partialRecord(z.enum(OUTCOMES), z.union([z.enum(HUBSPOT_LEAD_STATUSES), z.literal("")]));

const schemas = {
  hubspot: z.object({
    accessToken: z.string().min(10, "A HubSpot private-app access token (pat-…) is needed."),
    createContacts: z.boolean().default(true),
    leadStatus: leadStatusMap.default({}),
  }),
  slack: z.object({
    webhookUrl: z.string({ error: SLACK_URL_ERROR }).trim().refine(isSlackWebhookUrl, SLACK_URL_ERROR),
  }),
  webhook: z.object({
    url: z.url({ protocol: /^https?$/, error: "The receiver's http(s) URL is needed." }),
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, "A Standard Webhooks secret looks like whsec_ followed by base64."),
  }),
};

export type HubSpotConfig = z.infer<typeof schemas.hubspot>;
export type SlackConfig = z.infer<typeof schemas.slack>;
export type WebhookConfig = z.infer<typeof schemas.webhook>;
export type DestinationConfig = HubSpotConfig | SlackConfig | WebhookConfig;

const sealed = {
  hubspot: sealedSettings(schemas.hubspot, ["accessToken"]),
  slack: sealedSettings(schemas.slack, ["webhookUrl"]),
  webhook: sealedSettings(schemas.webhook, ["secret"], { boundToHost: { url: ["secret"] }, labels: { url: "receiver URL", secret: "signing secret" } }),
};

/** A new signing secret in the Standard Webhooks format. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

/** The config to store after an admin's change, over the saved one: a field left out (or a secret left empty) keeps its value. */
export const sealConfig = (kind: DestinationKind, input: Record<string, unknown>, saved: unknown = {}) =>
  sealed[kind].seal(input, (saved ?? {}) as Record<string, unknown>, { partial: true }) as Prisma.InputJsonObject;

/** The config in clear, for sending. */
export const openConfig = <K extends DestinationKind>(kind: K, saved: unknown) => sealed[kind].open(saved) as z.infer<(typeof schemas)[K]>;

/**
 * The config as the browser may see it: secret fields only say whether they
 * are set; a Slack URL is also shown masked, so admins can tell which one it is.
 */
export function publicConfig(kind: DestinationKind, saved: unknown): Record<string, unknown> {
  const view = sealed[kind].mask(saved);
  if (kind === "slack" && view.webhookUrl === "set") view.webhookUrlMasked = maskedSlackUrl(saved);
  return view;
}

function maskedSlackUrl(saved: unknown): string | null {
  try {
    return maskSlackUrl(openConfig("slack", saved).webhookUrl);
  } catch {
    // Saved before the hosts were checked, or under another key: the admin enters it again.
    return null;
  }
}
