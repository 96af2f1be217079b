import { Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/rows";
import type { CallColumns } from "@/lib/db/columns";
import { HEADLINE_CONFIG } from "./search-query";
import { segments, START, STOP, type Segment } from "./snippet-segments";

// Where a search matched each call of a page, and the words around it, with
// the matched words marked. Postgres marks them with two control characters
// (removed from the text first, so a vendor's text cannot forge a mark); the
// text is then cut into plain segments here. No HTML is made or sent: the
// page renders segments as text.

export type SnippetFrom = "summary" | "transcript" | "name";
export interface Snippet {
  snippet: Segment[] | null;
  snippetFrom: SnippetFrom | null;
}

const OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;
/** How much of a transcript is read for its snippet: a long call's first hour or so. */
const TRANSCRIPT_CHARS = 60_000;
const TRANSCRIPT_TURNS = 600;
const TURN_CHARS = 4_000;

const clean = (sql: Prisma.Sql) => Prisma.sql`translate(${sql}, ${START + STOP}, '')`;

/**
 * Snippets for the calls `ids` matched by `query`. With `said`, only that
 * speaker's turns are read; else the summary first, then the name, then the transcript.
 */
export async function snippetsFor(ids: string[], query: Prisma.Sql, said: "customer" | "agent" | undefined): Promise<Map<string, Snippet>> {
  if (ids.length === 0) return new Map();
  // The first turns only, each cut short, so that a vendor's enormous transcript costs no more than a long call.
  const transcript = Prisma.sql`(SELECT left(string_agg(text, ' … '), ${TRANSCRIPT_CHARS}) FROM (
    SELECT left(e->>'text', ${TURN_CHARS}) AS text FROM transcripts t, jsonb_array_elements(t.turns) e
    WHERE t.call_id = c.id ${said ? Prisma.sql`AND e->>'role' = ${said}` : Prisma.empty} LIMIT ${TRANSCRIPT_TURNS}) turns)`;
  const from = said
    ? Prisma.sql`'transcript'`
    : Prisma.sql`CASE WHEN call_search_vector(c.language, c.summary, c.summary) @@ q.q THEN 'summary'
                      WHEN to_tsvector('simple', coalesce(c.customer_name, '')) @@ q.q THEN 'name'
                      ELSE 'transcript' END`;
  const rows = await sqlRows<Pick<CallColumns, "id"> & { source: SnippetFrom; marked: string | null }>(Prisma.sql`
    SELECT id, source, ts_headline(config, ${clean(Prisma.sql`body`)}, q, ${OPTIONS}) AS marked
    FROM (
      SELECT c.id, w.source, ${HEADLINE_CONFIG} AS config, q.q,
        CASE w.source WHEN 'summary' THEN c.summary WHEN 'name' THEN c.customer_name ELSE ${transcript} END AS body
      FROM calls c CROSS JOIN (SELECT ${query} AS q) q
      CROSS JOIN LATERAL (SELECT ${from} AS source) w
      WHERE c.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
    ) s`);
  return new Map(rows.map((r) => [r.id, { snippetFrom: r.marked ? r.source : null, snippet: r.marked ? segments(r.marked) : null }] as const));
}
