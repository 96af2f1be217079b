import { Prisma } from "@/lib/db/client";
export { searchWords } from "./search-words";

// Turns what a person typed into a tsquery, without ever letting their text
// be read as tsquery syntax: only runs of letters, marks and digits survive,
// and each becomes a parameter. Every word matches its exact form (for names
// and languages Postgres cannot stem) or its
// English or Russian stem (calls in those languages are indexed with stems
// too), and the last word, still being typed, matches as a prefix of exact
// words (a prefix of a stem would find words the stem does not stand for).

/** A tsquery for each of `words`, as SQL expressions of parameters. */
export function tsqueryTerms(words: string[]): Prisma.Sql[] {
  return words.map((word, i) => {
    // The word as the transcripts' vectors hold it, not as Postgres's parser would read it (they were split alike,
    // lib/calls/search-words.ts): a word it reads as nothing ("½") still matches. Only letters, marks and digits, so
    // nothing in it is tsquery syntax.
    const exact = `'${word}'${i === words.length - 1 ? ":*" : ""}`;
    return Prisma.sql`(${exact}::tsquery || to_tsquery('english', ${word}) || to_tsquery('russian', ${word}))`;
  });
}

/** The tsquery for all of a search's words (at least one). */
export const allOf = (terms: Prisma.Sql[]): Prisma.Sql => Prisma.sql`(${Prisma.join(terms, " && ")})`;

/** The text search configuration a call's words are read in for its snippet. */
export const HEADLINE_CONFIG = Prisma.sql`(CASE c.language WHEN 'en' THEN 'english' WHEN 'ru' THEN 'russian' ELSE 'simple' END)::regconfig`;
