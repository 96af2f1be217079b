import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { scenario } from "@/lib/demo/scenario";
import { acceptRequest } from "@/lib/ingest/receive";
import { isProviderId } from "@/lib/providers/lookup";
import { samplePayload } from "@/lib/providers/modules";

// "Send a test event": a sample payload in the vendor's own format, through
// the same path a webhook takes after its secret is checked (size, raw event,
// adapter, call). It answers what the vendor would have received. The call is
// a test call: the flag travels on the raw event this code stores, never in
// the request, so no vendor can mark its own calls test.

export async function sendTestEvent(slug: string, origin: string): Promise<{ status: number; answer: Record<string, unknown> }> {
  const source = await db.source.findUnique({ where: { slug }, select: { id: true, provider: true, defaultRegion: true, enabled: true } });
  if (!source) throw new DomainError("not_found", "Not found", `No source has the slug "${slug}".`);
  if (!source.enabled) throw new DomainError("conflict", "Source disabled", "Enable the source to send it a test event.");
  if (!isProviderId(source.provider)) throw new DomainError("invalid", "Unknown vendor", `No adapter for "${source.provider}".`);

  const call = scenario(Date.now() % 997, Math.floor(Math.random() * 1_000_000), { days: 1 });
  const request = new Request(`${origin}/api/webhooks/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "call-analytics test event", "x-test-event": "1" },
    body: JSON.stringify(samplePayload(source.provider, call)),
  });
  const response = await acceptRequest(source, request, { isTest: true });
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
}
