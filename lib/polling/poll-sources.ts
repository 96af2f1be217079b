import { db } from "@/lib/db/client";
import { POLLED_PROVIDER_IDS } from "@/lib/providers/lookup";
import { pollerOf } from "@/lib/providers/modules";
import { pollingInterval } from "./interval";
import type { PollOutcome } from "./types";

/** One run of a source's poller (its vendor's module); not_configured for a source no poller reads. */
export async function pollSource(sourceId: string): Promise<PollOutcome> {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { provider: true } });
  const poller = source ? pollerOf(source.provider) : null;
  return poller ? poller.poll(sourceId) : { status: "not_configured" };
}

/** One run for each enabled polled source that has polling settings, one after another (the cron route). */
export async function pollConfiguredSources(slug?: string): Promise<Array<{ source: string } & PollOutcome>> {
  const sources = await db.source.findMany({
    where: { provider: { in: POLLED_PROVIDER_IDS }, enabled: true, ...(slug ? { slug } : {}) },
    select: { id: true, slug: true, provider: true, settings: true },
    orderBy: { slug: "asc" },
  });
  const results = [];
  for (const s of sources) {
    if (pollingInterval(s.provider, s.settings) === null) continue;
    results.push({ source: s.slug, ...(await pollSource(s.id)) });
  }
  return results;
}
