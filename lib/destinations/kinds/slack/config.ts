import { z } from "zod";
import { isSlackWebhookUrl, SLACK_URL_ERROR } from "./url";

// A Slack destination's one setting: its incoming-webhook URL, itself a credential.

export const slackSchema = z.object({
  webhookUrl: z.string({ error: SLACK_URL_ERROR }).trim().refine(isSlackWebhookUrl, SLACK_URL_ERROR),
});

export type SlackConfig = z.infer<typeof slackSchema>;
