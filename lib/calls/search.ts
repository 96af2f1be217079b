import { db, Prisma } from "@/lib/db/client";
import type { CallColumns } from "@/lib/db/columns";
import { andAll } from "./conditions";
import { looksLikePhone, phoneCandidates } from "./phone-query";
import { searchWords, tsquery } from "./search-query";

// The list's text search as conditions on `c` (calls): a phone number in any
// format, or words matched in the customer's name and the summary (calls.search)
// and the transcript (transcripts.search, or one speaker's turns).

export type Said = "customer" | "agent" | undefined;

export type Search =
  | { kind: "phone"; numbers: string[] }
  /** `ids`: every match, when the search is rare enough to read them all from the text indexes; null for a common one. */
  | { kind: "words"; query: Prisma.Sql; said: Said; ids: string[] | null }
  /** Nothing searchable was typed (only punctuation): nothing matches. */
  | { kind: "nothing" };

/** Above this many matches in one index a search counts as common. */
const COMMON = 2000;
/** How many rows of each table tell how common the words are. */
const SAMPLE = 2000;

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
  const common = await commonWords(query, said);
  return { kind: "words", query, said, ids: common ? null : await rareMatches(query, said) };
}

/**
 * Whether the words are common: in at least 1 in 200 of a sample of rows of
 * an index's table (read in storage order, a few milliseconds whatever the
 * words). A newest-first scan then finds a page of them soon. The planner's
 * own guess cannot decide this: it takes a rare prefix for a common word.
 */
async function commonWords(query: Prisma.Sql, said: Said): Promise<boolean> {
  const samples = [
    ...(said ? [] : [Prisma.sql`SELECT search AS v FROM calls LIMIT ${SAMPLE}`]),
    Prisma.sql`SELECT ${transcriptColumn(said)} AS v FROM transcripts t LIMIT ${SAMPLE}`,
  ];
  const probes = samples.map(
    (rows) => Prisma.sql`(SELECT count(*) FROM (${rows}) s WHERE s.v @@ ${query}) * 200 >= LEAST(${SAMPLE}, (SELECT count(*) FROM (${rows}) n))`,
  );
  const [probe] = await db.$queryRaw<{ common: boolean }[]>`SELECT ${Prisma.join(probes, " OR ")} AS common`;
  return probe.common;
}

/**
 * Every call the words match, read from the GIN indexes, or null when one
 * index holds COMMON matches or more (a prefix of common words: reading stops
 * there). The planner guesses a prefix search far more common than it is and
 * would read a rare one by scanning every row: the index is the right plan.
 */
async function rareMatches(query: Prisma.Sql, said: Said): Promise<string[] | null> {
  const reads = [
    ...(said ? [] : [Prisma.sql`(SELECT id, 0 AS b FROM calls WHERE search @@ ${query} LIMIT ${COMMON})`]),
    Prisma.sql`(SELECT call_id AS id, 1 AS b FROM transcripts t WHERE ${transcriptColumn(said)} @@ ${query} LIMIT ${COMMON})`,
  ];
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    return tx.$queryRaw<(Pick<CallColumns, "id"> & { b: number })[]>`${Prisma.join(reads, " UNION ALL ")}`;
  });
  const perIndex = [0, 1].map((b) => rows.filter((r) => r.b === b).length);
  if (perIndex.some((n) => n >= COMMON)) return null;
  return [...new Set(rows.map((r) => r.id))];
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
      if (search.ids) return Prisma.sql`c.id = ANY(${search.ids}::uuid[])`;
      return said ? inTranscript : Prisma.sql`(c.search @@ ${query} OR ${inTranscript})`;
    }
  }
}

/**
 * The calls a word search matches under `where`, each index read for at most
 * `limit` of them: counting their union up to a cap never reads more.
 */
export function matchedIds(search: Extract<Search, { kind: "words" }>, where: Prisma.Sql[], limit: number | null): Prisma.Sql {
  const cap = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`;
  const ids = branches(search.query, search.said).map((b) => Prisma.sql`(SELECT c.id FROM ${b.from} WHERE ${b.match} ${andAll(where)} ${cap})`);
  return Prisma.join(ids, " UNION ");
}

/**
 * The condition for one page. A common search takes the first `limit` matches
 * of each index in the page's order (scanning in that order ends soon, as
 * matches are plentiful): either strategy alone is slow for the other kind.
 */
export function matchPage(search: Search, where: Prisma.Sql[], order: Prisma.Sql, limit: number): Prisma.Sql {
  if (search.kind !== "words" || search.ids) return matchAll(search);
  const ids = branches(search.query, search.said).map(
    (b) => Prisma.sql`(SELECT c.id FROM ${b.from} WHERE ${b.match} ${andAll(where)} ${order} LIMIT ${limit})`,
  );
  return Prisma.sql`c.id IN (${Prisma.join(ids, " UNION ")})`;
}
