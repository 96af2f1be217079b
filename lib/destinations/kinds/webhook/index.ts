import { defineDestinationKind } from "../types";
import { newWebhookSecret, webhookSchema } from "./config";
import { sendWebhook } from "./send";

export const webhook = defineDestinationKind({
  id: "webhook",
  label: "Webhook",
  takesAlerts: true,
  schema: webhookSchema,
  secretFields: ["secret"],
  // The secret signs requests to the URL: it never follows the URL to another host.
  sealing: { boundToHost: { url: ["secret"] }, labels: { url: "receiver URL", secret: "signing secret" } },
  generatesSecret: { field: "secret", make: newWebhookSecret },
  shownOnce: {
    label: "Signing secret: give it to the receiver to verify webhook-signature",
    note: "Shown once: copy it now. It is kept encrypted, for signing, and never shown again.",
    help: ["Receivers verify each request with the ", { code: "standardwebhooks" }, " library: ", { code: "new Webhook(secret).verify(body, headers)" }, "."],
  },
  // A customer's endpoint states no limit; this only keeps a burst from flooding it.
  rateIntervalSec: 0.1,
  send: sendWebhook,
  defaultConfig: {},
  fields: [
    { type: "url", name: "url", label: "Receiver URL (POST, JSON, signed with Standard Webhooks)", placeholder: "https://example.com/hooks/calls" },
    {
      type: "secret",
      name: "secret",
      label: "Signing secret (whsec_…)",
      placeholder: "whsec_…",
      whenEmpty: "Leave empty to make a new one",
      hint: "On another host, enter the secret again: the saved one stays with the old host.",
    },
  ],
});
