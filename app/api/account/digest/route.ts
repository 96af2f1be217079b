import { apiRoute } from "@/lib/api/route";
import { digestInputSchema } from "@/lib/digests/input";
import { readDigestSettings, recentSends, saveDigestSettings } from "@/lib/digests/subscription";

// The signed-in person's digest: its settings (a webhook URL of their own
// only masked) and its latest sends, which the Account page re-reads to show
// whether a "Send now" went.

export const GET = apiRoute({ auth: "user" }, async ({ principal }) => ({
  settings: await readDigestSettings(principal.id),
  sends: await recentSends(principal.id),
}));

export const PUT = apiRoute(
  { auth: "user", body: digestInputSchema, labels: { sendAt: "Time", viewIds: "Views", "slack.webhookUrl": "Slack webhook URL" } },
  async ({ principal, body }) => ({
    settings: await saveDigestSettings(principal.id, body, { admin: principal.role === "admin" }),
    sends: await recentSends(principal.id),
  }),
);
