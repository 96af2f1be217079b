import { cachedUntilChanged } from "@/lib/db/changes";
import { Prisma } from "@/lib/db/client";
import { sqlRows, sqlRowsFromIndexes } from "@/lib/db/rows";
import type { CallColumns } from "@/lib/db/columns";
import { andAll } from "./conditions";
import { looksLikePhone, phoneCandidates } from "./phone-query";
import { allOf, searchWords, tsqueryTerms } from "./search-query";

// The list's text search as conditions on `c` (calls): a phone number in any
// format, or words matched in the customer's name and the summary (calls.search)
// and the transcript (one vector per speaker: the customer's turns, the agent's,
// everyone else's; any of them for anyone's words).

export type Said = "customer" | "agent" | undefined;

export type Search =
  | { kind: "phone"; numbers: string[] }
  /** `ids`: every match, when the search is rare enough to read them all from the text indexes; null for a common one. */
  | ({ kind: "words"; said: Said; ids: string[] | null } & Words)
  /** Nothing searchable was typed (only punctuation): nothing matches. */
  | { kind: "nothing" };

/** A word search: the tsquery of all its words, and one per word. */
interface Words {
  query: Prisma.Sql;
  terms: Prisma.Sql[];
}

/** Above this many matches in one index a search counts as common. */
const COMMON = 2000;
/**
 * How many rows of each table tell how common the words are: the calls' name and summary are small, so 2,000
 * cost little; each transcript row holds three vectors to read, so fewer of them (a rare word is checked in all).
 */
const SAMPLE = { calls: 2000, transcripts: 1000 };
/** Words in at least one in this many sampled rows are common. */
const COMMON_SHARE = 200;

/**
 * The words in a transcript `t`: all in one speaker's turns, or each in anyone's (a word in any of its three vectors,
 * one per speaker: Postgres reads them as a BitmapAnd of BitmapOrs over their GIN indexes).
 */
function inTurns({ query, terms }: Words, said: Said): Prisma.Sql {
  if (said) return Prisma.sql`${Prisma.raw(said === "customer" ? "t.search_customer" : "t.search_agent")} @@ ${query}`;
  return Prisma.join(
    terms.map((term) => Prisma.sql`(t.search_customer @@ ${term} OR t.search_agent @@ ${term} OR t.search_other @@ ${term})`),
    " AND ",
    "(",
    ")",
  );
}

/** Where the words may match: the name and summary unless only a speaker's turns are asked for, and the transcript. */
function branches(words: Words, said: Said): { from: Prisma.Sql; match: Prisma.Sql }[] {
  const { query } = words;
  const transcript = { from: Prisma.sql`transcripts t JOIN calls c ON c.id = t.call_id`, match: inTurns(words, said) };
  return said ? [transcript] : [{ from: Prisma.sql`calls c`, match: Prisma.sql`c.search @@ ${query}` }, transcript];
}

/** The sources' regions, in which a number typed without its country is read: kept until a source changes. */
const sourceRegions = cachedUntilChanged("sources", async () =>
  (await sqlRows<{ default_region: string }>(Prisma.sql`SELECT DISTINCT default_region FROM sources`)).map((s) => s.default_region),
);

export async function resolveSearch(q: string, said: Said): Promise<Search> {
  if (looksLikePhone(q)) {
    const numbers = phoneCandidates(q, ["US", ...(await sourceRegions())]);
    if (numbers.length > 0) return { kind: "phone", numbers };
  }
  const words = searchWords(q);
  if (words.length === 0) return { kind: "nothing" };
  const terms = tsqueryTerms(words);
  const search = { query: allOf(terms), terms };
  const common = await commonWords(search, said);
  return { kind: "words", ...search, said, ids: common ? null : await rareMatches(search, said) };
}

/**
 * Whether the words are common: in at least 1 in 200 of a sample of rows of
 * an index's table (the newest calls, the transcripts in storage order: a
 * few milliseconds whatever the words). A newest-first scan then finds a page
 * of them soon. The planner's own guess cannot decide this: it takes a rare
 * prefix for a common word.
 */
async function commonWords(words: Words, said: Said): Promise<boolean> {
  const { query } = words;
  const samples = [
    // The newest calls, as a common search's pages read them (through an index, from pages kept in memory).
    ...(said
      ? []
      : [
          {
            rows: Prisma.sql`SELECT search FROM calls ORDER BY started_at DESC LIMIT ${SAMPLE.calls}`,
            table: Prisma.raw("calls"),
            sample: SAMPLE.calls,
            alias: Prisma.raw("c"),
            match: Prisma.sql`c.search @@ ${query}`,
          },
        ]),
    {
      rows: Prisma.sql`SELECT search_customer, search_agent, search_other FROM transcripts LIMIT ${SAMPLE.transcripts}`,
      table: Prisma.raw("transcripts"),
      sample: SAMPLE.transcripts,
      alias: Prisma.raw("t"),
      match: inTurns(words, said),
    },
  ];
  // Counting stops at the share that makes the words common: a common word is known after a few rows. The
  // sample's size is counted apart, without reading its rows' columns (a table may hold fewer rows than it), and
  // only matters there: below the full sample's share, fewer matches are needed.
  const probes = samples.map(({ rows, table, sample, alias, match }) => {
    // At least one match: an empty table (no transcripts yet) makes no word common.
    const needed = Prisma.sql`(SELECT greatest(1, ceil(count(*)::float8 / ${COMMON_SHARE}))::int FROM (SELECT 1 FROM ${table} LIMIT ${sample}) n)`;
    return Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM (${rows}) ${alias} WHERE ${match} LIMIT ${Math.ceil(sample / COMMON_SHARE)}) m) >= ${needed}`;
  });
  const [probe] = await sqlRows<{ common: boolean }>(Prisma.sql`SELECT ${Prisma.join(probes, " OR ")} AS common`);
  return probe.common;
}

/**
 * Every call the words match, read from the GIN indexes, or null when one
 * index holds COMMON matches or more (a prefix of common words: reading stops
 * there). The planner guesses a prefix search far more common than it is and
 * would read a rare one by scanning every row: the index is the right plan.
 */
async function rareMatches(words: Words, said: Said): Promise<string[] | null> {
  const { query } = words;
  const reads = [
    ...(said ? [] : [Prisma.sql`(SELECT id, 0 AS b FROM calls WHERE search @@ ${query} LIMIT ${COMMON})`]),
    Prisma.sql`(SELECT call_id AS id, 1 AS b FROM transcripts t WHERE ${inTurns(words, said)} LIMIT ${COMMON})`,
  ];
  const rows = await sqlRowsFromIndexes<Pick<CallColumns, "id"> & { b: number }>(Prisma.join(reads, " UNION ALL "));
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
      const inTranscript = Prisma.sql`EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id AND ${inTurns(search, said)})`;
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
  const ids = branches(search, search.said).map((b) => Prisma.sql`(SELECT c.id FROM ${b.from} WHERE ${b.match} ${andAll(where)} ${cap})`);
  return Prisma.join(ids, " UNION ");
}

/**
 * The condition for one page. A common search takes the first `limit` matches
 * of each index in the page's order (scanning in that order ends soon, as
 * matches are plentiful): either strategy alone is slow for the other kind.
 */
export function matchPage(search: Search, where: Prisma.Sql[], order: Prisma.Sql, limit: number): Prisma.Sql {
  if (search.kind !== "words" || search.ids) return matchAll(search);
  const ids = branches(search, search.said).map((b) => Prisma.sql`(SELECT c.id FROM ${b.from} WHERE ${b.match} ${andAll(where)} ${order} LIMIT ${limit})`);
  return Prisma.sql`c.id IN (${Prisma.join(ids, " UNION ")})`;
}
