import { OUTCOMES } from "@/lib/providers/values";
import { defineDestinationKind } from "../types";
import { DEFAULT_LEAD_STATUS, HUBSPOT_LEAD_STATUSES, hubspotSchema } from "./config";
import { sendHubSpot } from "./send";

export const hubspot = defineDestinationKind({
  id: "hubspot",
  label: "HubSpot",
  // A CRM contact has nowhere to put "a source went quiet".
  takesAlerts: false,
  schema: hubspotSchema,
  secretFields: ["accessToken"],
  // HubSpot allows 100 requests per 10 s to a private app, and a delivery makes up to six.
  rateIntervalSec: 0.6,
  send: sendHubSpot,
  defaultConfig: { createContacts: true, leadStatus: DEFAULT_LEAD_STATUS },
  fields: [
    {
      type: "secret",
      name: "accessToken",
      label: "Private-app access token (HubSpot → Settings → Integrations → Private apps; scopes: crm.objects.contacts read/write)",
      placeholder: "pat-…",
    },
    { type: "checkbox", name: "createContacts", label: "Create the contact when no one has the caller's phone" },
    {
      type: "choice-per-key",
      name: "leadStatus",
      legend: "Lead status for each outcome",
      keys: OUTCOMES.map((o) => ({ value: o, label: o.replaceAll("_", " ") })),
      options: ["", ...HUBSPOT_LEAD_STATUSES].map((s) => ({ value: s, label: s ? s.replaceAll("_", " ").toLowerCase() : "leave as is" })),
    },
  ],
});
