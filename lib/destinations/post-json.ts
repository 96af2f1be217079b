import { parseRetryAfter } from "@/lib/http/retry-after";
import { fetchPublic, OutboundRefused } from "@/lib/security/outbound";
import { excerpt, type SendResult } from "./types";

// One JSON POST through the outbound guard, read into a SendResult. Slack and
// webhook destinations send this way; neither follows redirects to private
// addresses, and neither waits longer than TIMEOUT_MS.

const TIMEOUT_MS = 15_000;

export const retryAfterSeconds = (header: string | null | undefined) => (header ? Math.ceil(parseRetryAfter(header) / 1000) : undefined);

export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetchPublic(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "call-analytics-forwarder", ...headers },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    const reason = (e as Error).name === "TimeoutError" ? `No answer within ${TIMEOUT_MS / 1000} s.` : (e as Error).message;
    return { ok: false, status: null, excerpt: reason, permanent: e instanceof OutboundRefused };
  }
  const text = await response.text().catch(() => "");
  return {
    ok: response.status >= 200 && response.status < 300,
    status: response.status,
    excerpt: excerpt(text),
    retryAfterSec: retryAfterSeconds(response.headers.get("retry-after")),
  };
}
