import { Prisma } from "@/lib/db/client";
export { searchWords } from "./search-words";

// Turns what a person typed into a tsquery, without ever letting their text
// be read as tsquery syntax: only runs of letters, marks and digits survive,
// and each becomes a parameter of to_tsquery. Every word matches its exact
// form ('simple', for names and languages Postgres cannot stem) or its
// English or Russian stem (calls in those languages are indexed with stems
// too), and the last word, still being typed, matches as a prefix of exact
// words (a prefix of a stem would find words the stem does not stand for).
// A weight keeps the match to one speaker's words: a transcript's vector
// weighs the customer's A and the agent's B (migration one_transcript_vector).

/** The weight of a speaker's words in a transcript's vector. */
export type SpeakerWeight = "A" | "B";

/** The tsquery for `words` (at least one), as an SQL expression of parameters; only words of `weight` when given. */
export function tsquery(words: string[], weight: SpeakerWeight | "" = ""): Prisma.Sql {
  const terms = words.map((word, i) => {
    const exact = i === words.length - 1 ? `${word}:*${weight}` : `${word}${weight && `:${weight}`}`;
    const stem = `${word}${weight && `:${weight}`}`;
    return Prisma.sql`(to_tsquery('simple', ${exact}) || to_tsquery('english', ${stem}) || to_tsquery('russian', ${stem}))`;
  });
  return Prisma.sql`(${Prisma.join(terms, " && ")})`;
}

/** The text search configuration a call's words are read in for its snippet. */
export const HEADLINE_CONFIG = Prisma.sql`(CASE c.language WHEN 'en' THEN 'english' WHEN 'ru' THEN 'russian' ELSE 'simple' END)::regconfig`;
