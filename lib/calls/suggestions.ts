import { z } from "zod";
import { db } from "@/lib/db/client";

// Values for the campaign and agent filters as someone types: those that
// start with what was typed (any case), most used first. Campaigns come from
// the daily rollup (small, whatever the number of calls); agents from the
// newest matching calls on the lower(agent_name) prefix index.

export const SUGGESTIONS_MAX = 20;
/** How many of the newest matching calls tell which agents are used most. */
const AGENT_SAMPLE = 5000;

export const suggestionsQuerySchema = z.object({
  field: z.enum(["campaign", "agent"]),
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(100)),
});
export type SuggestionsQuery = z.infer<typeof suggestionsQuerySchema>;

/** A LIKE pattern for "starts with `prefix`", its wildcards taken literally. */
const startsWith = (prefix: string) => `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function suggestions({ field, q }: SuggestionsQuery): Promise<{ values: string[] }> {
  const pattern = startsWith(q);
  const rows =
    field === "campaign"
      ? await db.$queryRaw<{ value: string }[]>`
          SELECT campaign AS value FROM daily_source_stats
          WHERE campaign <> '' AND lower(campaign) LIKE ${pattern}
          GROUP BY campaign ORDER BY sum(calls) DESC, campaign LIMIT ${SUGGESTIONS_MAX}`
      : await db.$queryRaw<{ value: string }[]>`
          SELECT agent_name AS value FROM (
            SELECT agent_name FROM calls WHERE lower(agent_name) LIKE ${pattern} ORDER BY started_at DESC LIMIT ${AGENT_SAMPLE}) newest
          GROUP BY agent_name ORDER BY count(*) DESC, agent_name LIMIT ${SUGGESTIONS_MAX}`;
  return { values: rows.map((r) => r.value) };
}
