// Where each vendor's console takes the webhook URL and secret (from its own
// docs), shown once a source is created or its secret rotated. Vendors that
// cannot send a custom header get the secret as ?token= in the URL.

export interface ConnectHint {
  /** The exact URL to paste (with ?token= when the vendor cannot send a header). */
  url: string;
  steps: string[];
}

export function connectHint(provider: string, webhookUrl: string, secret: string): ConnectHint {
  const withToken = `${webhookUrl}?token=${encodeURIComponent(secret)}`;
  switch (provider) {
    case "cllr":
      return {
        url: withToken,
        steps: [
          "In the agent's settings, set webhooks.postCall to this URL.",
          "Cllr does not retry: missed calls can be replayed from the inbox only if they arrived.",
        ],
      };
    case "hooman":
      return {
        url: webhookUrl,
        steps: [
          "Agents → your agent → Edit → Post Call API, and toggle it on.",
          'Method POST, this URL, Headers {"content-type": "application/json", "X-Webhook-Secret": "<the secret>"}.',
          "Leave Body empty to send the whole post-call object, then publish.",
        ],
      };
    case "autocalls":
      return {
        url: withToken,
        steps: ["In the assistant's settings, set this as the webhook URL.", 'Enable "Post call webhook" and "Include recording in webhook".'],
      };
    case "hubtalk":
      return {
        url: withToken,
        steps: [
          "In the agent editor, open Webhook in the right panel and paste this URL.",
          "Add the source's storage settings so that recordings (S3 keys) play.",
        ],
      };
    case "unpod":
      return {
        url: webhookUrl,
        steps: ["Unpod has no webhooks: add its API token, space token and org handle under Polling, and the app polls its task API."],
      };
    default:
      return { url: withToken, steps: ["Set this as the vendor's post-call webhook URL."] };
  }
}
