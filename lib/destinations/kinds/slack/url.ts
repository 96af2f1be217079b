import { normalizeHost } from "@/lib/security/outbound-allow-list";

// A Slack destination posts to an incoming-webhook URL, which Slack hands out
// on its own hosts only: https://hooks.slack.com/services/… (and
// hooks.slack-gov.com for GovSlack). Anything else is a slip, or an attempt to
// send call data elsewhere, and is refused.
//
// SLACK_WEBHOOK_TEST_HOSTS (host:port or host:*, comma-separated) adds hosts
// for tests, whose stand-in Slack listens on this machine; it is unset in
// production and an admin cannot change it.

const SLACK_HOSTS = new Set(["hooks.slack.com", "hooks.slack-gov.com"]);
/** Test hosts count only on this machine, so a stray production setting cannot send call data anywhere else. */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"].map(normalizeHost));

export const SLACK_URL_ERROR = "Paste the Slack incoming-webhook URL: it starts with https://hooks.slack.com/services/ (Slack app → Incoming Webhooks).";

function testHostAllowed(url: URL): boolean {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return (process.env.SLACK_WEBHOOK_TEST_HOSTS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .some((entry) => {
      const at = entry.lastIndexOf(":");
      const [host, allowedPort] = at > 0 && !entry.endsWith("]") ? [entry.slice(0, at), entry.slice(at + 1)] : [entry, ""];
      return LOOPBACK.has(normalizeHost(url.hostname)) && normalizeHost(host) === normalizeHost(url.hostname) && (allowedPort === "*" || allowedPort === port);
    });
}

/** Whether `value` is a Slack incoming-webhook URL (or one on a test host). */
export function isSlackWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || !/^\/services\/[^/]+/.test(url.pathname)) return false;
  if (url.protocol === "https:" && !url.port && SLACK_HOSTS.has(url.hostname.toLowerCase())) return true;
  return (url.protocol === "https:" || url.protocol === "http:") && testHostAllowed(url);
}

/** "https://hooks.slack.com/services/…XyZ9": enough to tell which webhook it is, not enough to post to it. */
export function maskSlackUrl(value: string): string {
  try {
    const url = new URL(value);
    const tail = url.pathname.replace(/\/+$/, "").slice(-4);
    return `${url.origin}/services/…${tail}`;
  } catch {
    return "…";
  }
}
