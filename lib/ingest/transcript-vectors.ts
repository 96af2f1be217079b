import { speakerWords } from "@/lib/calls/search-words";
import type { Turn } from "@/lib/providers/canonical";

// A transcript's search vectors (one per speaker, migration search_per_speaker)
// sent with it: each speaker's distinct words, split here as searches are,
// which Postgres sorts and stems (call_words_vector) instead of reading the
// whole text again. Every statement of the app's that writes turns sends them:
// the table's trigger, which makes them for other writers, trusts the app's
// connections (lib/db/pool.ts).

export const VECTOR_COLUMNS = "search_customer, search_agent, search_other";

/** Where the statement has the call's language: a column of its row, or a parameter. */
type LanguageSql = "c.language" | "language" | `$${number}`;

/** SQL: the vectors of `turns`, in VECTOR_COLUMNS order, stemmed in `language`. */
export function transcriptVectorsSql(turns: Turn[], language: LanguageSql, param: (value: unknown) => string): string {
  const words = speakerWords(turns);
  return [words.customer, words.agent, words.other].map((w) => `call_words_vector(${language}, ${param(w)}::text[])`).join(", ");
}
