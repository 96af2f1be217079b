import { randomBytes } from "node:crypto";
import { z } from "zod";

// A customer's endpoint and the Standard Webhooks secret its requests are signed with.

export const webhookSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "The receiver's http(s) URL is needed." }),
  secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, "A Standard Webhooks secret looks like whsec_ followed by base64."),
});

export type WebhookConfig = z.infer<typeof webhookSchema>;

/** A new signing secret in the Standard Webhooks format. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;
