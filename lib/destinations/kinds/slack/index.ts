import { defineDestinationKind } from "../types";
import { slackSchema } from "./config";
import { sendSlack } from "./send";
import { maskSlackUrl } from "./url";

export const slack = defineDestinationKind({
  id: "slack",
  label: "Slack",
  namePlaceholder: "#sales-hot-leads",
  takesAlerts: true,
  schema: slackSchema,
  secretFields: ["webhookUrl"],
  // Shown masked, so that admins can tell which webhook is saved.
  maskedAs: { webhookUrl: maskSlackUrl },
  // Slack takes about one message per second per webhook.
  rateIntervalSec: 1,
  send: sendSlack,
  defaultConfig: {},
  fields: [
    {
      type: "secret",
      name: "webhookUrl",
      label: "Incoming-webhook URL (Slack app → Incoming Webhooks → Add New Webhook)",
      placeholder: "https://hooks.slack.com/services/…",
      // Shown as typed, so a paste can be checked; once saved, only masked.
      concealed: false,
    },
  ],
});
