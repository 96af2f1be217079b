import { z } from "zod";
import { OUTCOMES, type Outcome } from "@/lib/providers/values";

// A HubSpot destination's settings: a private app's token, whether to create
// missing contacts, and the lead status each outcome sets.

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

export const hubspotSchema = z.object({
  accessToken: z.string().min(10, "A HubSpot private-app access token (pat-…) is needed."),
  createContacts: z.boolean().default(true),
  leadStatus: leadStatusMap.default({}),
});

export type HubSpotConfig = z.infer<typeof hubspotSchema>;
