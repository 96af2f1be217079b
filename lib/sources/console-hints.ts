import { providerInfo } from "@/lib/providers/lookup";

// Where each vendor's console takes the webhook URL and secret (the steps are
// in its module's info.ts), shown once a source is created or its secret
// rotated. Vendors that cannot send a custom header get the secret as ?token=
// in the URL.

export interface ConnectHint {
  /** The exact URL to paste (with ?token= when the vendor cannot send a header). */
  url: string;
  steps: string[];
}

export function connectHint(provider: string, webhookUrl: string, secret: string): ConnectHint {
  const withToken = `${webhookUrl}?token=${encodeURIComponent(secret)}`;
  const info = providerInfo(provider);
  if (!info) return { url: withToken, steps: ["Set this as the vendor's post-call webhook URL."] };
  return { url: info.connect.tokenInUrl ? withToken : webhookUrl, steps: [...info.connect.steps] };
}
