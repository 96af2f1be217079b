import { z } from "zod";
import { isSlackWebhookUrl, SLACK_URL_ERROR } from "@/lib/destinations/kinds/slack/url";

// What the Account page's digest form sends (PUT /api/account/digest).

const slackSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("destination"), destinationId: z.uuid("Choose a Slack destination from the list.") }),
  z.object({
    kind: z.literal("own"),
    /** Left out or empty: the saved URL stays. */
    webhookUrl: z
      .string()
      .trim()
      .refine((v) => v === "" || isSlackWebhookUrl(v), SLACK_URL_ERROR)
      .optional(),
  }),
]);

export const digestInputSchema = z.object({
  enabled: z.boolean(),
  frequency: z.enum(["daily", "weekly"]),
  weekday: z.number().int().min(1).max(7).default(1),
  sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Give the time as HH:MM, for example 08:00."),
  viewIds: z.array(z.uuid()).max(20, "At most 20 views.").default([]),
  email: z.boolean(),
  slack: slackSchema.default({ kind: "none" }),
});

export type DigestInput = z.infer<typeof digestInputSchema>;
