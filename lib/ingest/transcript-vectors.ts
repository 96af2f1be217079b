import { speakerWords } from "@/lib/calls/search-words";
import type { Turn } from "@/lib/providers/canonical";

// A transcript's search vectors (one per speaker, migration search_per_speaker)
// sent with it: each speaker's distinct words, split here as searches are,
// which Postgres sorts and stems (call_words_vector) instead of reading the
// whole text again. A transcript written without them gets them from the
// table's trigger, which reads the turns.

export const VECTOR_COLUMNS = "search_customer, search_agent, search_other";

/** SQL: the vectors of `turns`, in VECTOR_COLUMNS order, stemmed in `language` (an SQL expression). */
export function transcriptVectorsSql(turns: Turn[], language: string, param: (value: unknown) => string): string {
  const words = speakerWords(turns);
  return [words.customer, words.agent, words.other].map((w) => `call_words_vector(${language}, ${param(w)}::text[])`).join(", ");
}
