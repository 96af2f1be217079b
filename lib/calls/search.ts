import { db, Prisma } from "@/lib/db/client";
import { andAll } from "./conditions";
import { looksLikePhone, phoneCandidates } from "./phone-query";
import { searchWords, tsquery } from "./search-query";

// The list's text search as conditions on `c` (calls): a phone number in any
// format, or words matched in the customer's name and the summary (calls.search)
// and the transcript (transcripts.search, or one speaker's turns).

export type Said = "customer" | "agent" | undefined;

export type Search =
  | { kind: "phone"; numbers: string[] }
  | { kind: "words"; query: Prisma.Sql; said: Said; rare: boolean }
  /** Nothing searchable was typed (only punctuation): nothing matches. */
  | { kind: "nothing" };

/** Above this many matches in one index a search counts as common. */
const COMMON = 2000;

const transcriptColumn = (said: Said) => Prisma.raw(said === "customer" ? "t.search_customer" : said === "agent" ? "t.search_agent" : "t.search");

/** Where the words may match: the name and summary unless only a speaker's turns are asked for, and the transcript. */
function branches(query: Prisma.Sql, said: Said): { from: Prisma.Sql; match: Prisma.Sql }[] {
  const transcript = { from: Prisma.sql`transcripts t JOIN calls c ON c.id = t.call_id`, match: Prisma.sql`${transcriptColumn(said)} @@ ${query}` };
  return said ? [transcript] : [{ from: Prisma.sql`calls c`, match: Prisma.sql`c.search @@ ${query}` }, transcript];
}

export async function resolveSearch(q: string, said: Said): Promise<Search> {
  if (looksLikePhone(q)) {
    const sources = await db.source.findMany({ select: { defaultRegion: true }, distinct: ["defaultRegion"] });
    const numbers = phoneCandidates(q, ["US", ...sources.map((s) => s.defaultRegion)]);
    if (numbers.length > 0) return { kind: "phone", numbers };
  }
  const words = searchWords(q);
  if (words.length === 0) return { kind: "nothing" };
  const query = tsquery(words);
  // A probe of each index, capped so it stays cheap, tells a rare search from a common one.
  const probes = branches(query, said).map((b) => Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM ${b.from} WHERE ${b.match} LIMIT ${COMMON}) x) < ${COMMON}`);
  const [probe] = await db.$queryRaw<{ rare: boolean }[]>`SELECT ${Prisma.join(probes, " AND ")} AS rare`;
  return { kind: "words", query, said, rare: probe.rare };
}

/** The exact condition: for counting, and for rare searches the page too (all matches come from the GIN indexes). */
export function matchAll(search: Search): Prisma.Sql {
  switch (search.kind) {
    case "nothing":
      return Prisma.sql`false`;
    case "phone":
      return Prisma.sql`c.customer_phone IN (${Prisma.join(search.numbers)})`;
    case "words": {
      const { query, said } = search;
      const inTranscript = Prisma.sql`EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id AND ${transcriptColumn(said)} @@ ${query})`;
      if (search.rare) {
        const ids = branches(query, said).map((b) => Prisma.sql`SELECT c.id FROM ${b.from} WHERE ${b.match}`);
        return Prisma.sql`c.id IN (${Prisma.join(ids, " UNION ")})`;
      }
      return said ? inTranscript : Prisma.sql`(c.search @@ ${query} OR ${inTranscript})`;
    }
  }
}

/**
 * The calls a word search matches under `where`, each index read for at most
 * `limit` of them: counting their union up to a cap never reads more.
 */
export function matchedIds(search: Extract<Search, { kind: "words" }>, where: Prisma.Sql[], limit: number): Prisma.Sql {
  const ids = branches(search.query, search.said).map((b) => Prisma.sql`(SELECT c.id FROM ${b.from} WHERE ${b.match} ${andAll(where)} LIMIT ${limit})`);
  return Prisma.join(ids, " UNION ");
}

/**
 * The condition for one page. A common search takes the first `limit` matches
 * of each index in the page's order (scanning in that order ends soon, as
 * matches are plentiful): either strategy alone is slow for the other kind.
 */
export function matchPage(search: Search, where: Prisma.Sql[], order: Prisma.Sql, limit: number): Prisma.Sql {
  if (search.kind !== "words" || search.rare) return matchAll(search);
  const ids = branches(search.query, search.said).map(
    (b) => Prisma.sql`(SELECT c.id FROM ${b.from} WHERE ${b.match} ${andAll(where)} ${order} LIMIT ${limit})`,
  );
  return Prisma.sql`c.id IN (${Prisma.join(ids, " UNION ")})`;
}
