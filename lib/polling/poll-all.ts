import { db } from "@/lib/db/client";
import { POLLED_PROVIDER_IDS } from "@/lib/providers/lookup";
import { pollingInterval } from "@/lib/sources/settings";
import { pollUnpodSource, type PollOutcome } from "./unpod-poll";

/** One run for each enabled Unpod source that has polling settings, one after another. */
export async function pollConfiguredUnpodSources(slug?: string): Promise<Array<{ source: string } & PollOutcome>> {
  const sources = await db.source.findMany({
    where: { provider: { in: POLLED_PROVIDER_IDS }, enabled: true, ...(slug ? { slug } : {}) },
    select: { id: true, slug: true, settings: true },
    orderBy: { slug: "asc" },
  });
  const results = [];
  for (const s of sources) {
    if (pollingInterval(s.settings) === null) continue;
    results.push({ source: s.slug, ...(await pollUnpodSource(s.id)) });
  }
  return results;
}
