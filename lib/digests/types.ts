// The digest settings and sends as the Account page shows them (no secrets:
// a webhook URL of the user's own only masked). Shared by the API, the page
// and its client form.

export interface DigestSettings {
  /** False until the user saves the form once. */
  saved: boolean;
  enabled: boolean;
  frequency: "daily" | "weekly";
  weekday: number;
  sendAt: string;
  viewIds: string[];
  email: boolean;
  slack: { kind: "none" } | { kind: "destination"; destinationId: string } | { kind: "own"; webhookUrlMasked: string | null };
}

export interface DigestSendView {
  id: string;
  /** "2026-03-08", "2026-W10", or "now:…" for a send now. */
  period: string;
  status: "sending" | "sent" | "failed";
  createdAt: string;
  sentAt: string | null;
  emailSentAt: string | null;
  slackSentAt: string | null;
  attempts: number;
  error: string | null;
  /** A failed send the queue will try again. */
  retrying: boolean;
}
