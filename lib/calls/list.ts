import { Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/rows";
import type { CallColumns } from "@/lib/db/columns";
import { logger } from "@/lib/log";
import { readTimeZone } from "@/lib/settings/time-zone";
import { callConditions, whereAll } from "./conditions";
import { countCalls, type CallTotal } from "./count";
import type { CallFilters } from "./filters";
import { CALL_COLUMNS, toCallItem, type CallRow } from "./row";
import type { CallList, CallListItem } from "./schemas";
import { matchPage, resolveSearch, type Search } from "./search";
import { snippetsFor } from "./snippet";
import { countVariableMatches } from "./variable-count";
import { variableMatches, variablePageIds } from "./variable-page";
import { beyond, decodeCallCursor, orderBy, sortedPage } from "./sort";
import { CALL_TRACKER_NAMES_SQL } from "@/lib/trackers/filter";

// The call list: filtered, searched, sorted, paged by keyset both ways (never
// OFFSET), with the total of matching calls counted beside the page.

export interface ListOptions {
  /** Count the matching calls (the CSV export reads pages only). */
  total?: boolean;
  /** Mark where each call matched a search (the CSV export has no use for it). */
  snippets?: boolean;
}

/** The filters made into SQL once (a rare word search reads its matches here): the page and its total both start from it. */
export interface CallQuery {
  filters: CallFilters;
  where: Prisma.Sql[];
  search: Search | null;
  /** For the page alone (not its total): the page's calls read from call_variables (lib/calls/variable-page.ts). */
  pageIds?: Prisma.Sql | null;
  /** For the total alone: the matching calls in call_variables, counted without reading the calls. */
  variableMatches?: Prisma.Sql | null;
}

/** The total of matching calls: from call_variables when variables (with a period and vendors) are the only filters. */
const countOf = (query: CallQuery) => (query.variableMatches ? countVariableMatches(query.variableMatches) : countCalls(query.where, query.search));

export async function callQuery(filters: CallFilters): Promise<CallQuery> {
  const zone = await readTimeZone();
  const where = callConditions(filters, zone);
  const search = filters.q ? await resolveSearch(filters.q, filters.said) : null;
  return { filters, where, search, pageIds: variablePageIds(filters, zone), variableMatches: variableMatches(filters, zone) };
}

/** A page of calls with its total; the API's answer. */
export async function listCalls(filters: CallFilters, options: ListOptions = {}): Promise<CallList> {
  const query = await callQuery(filters);
  const [page, total] = await Promise.all([callPage(query, options), options.total === false ? null : countOf(query)]);
  return { ...page, total: total ?? unknownTotal(page.items.length) };
}

/**
 * The total alone. The calls page shows its rows without waiting for it (it
 * streams in beside them); a count that fails leaves the total out, not the page.
 */
export function totalOf(query: CallQuery): Promise<CallTotal | null> {
  return countOf(query).catch((err: unknown) => {
    logger.error({ err: (err as Error).message }, "counting calls failed");
    return null;
  });
}

/** One page of calls, without its total. */
export async function callPage(query: CallQuery, options: Pick<ListOptions, "snippets"> = {}): Promise<Omit<CallList, "total">> {
  const { filters, where, search } = query;
  const cursor = decodeCallCursor(filters.cursor, filters.sort);
  const backwards = cursor?.way === "before";
  const order = orderBy(filters.sort, backwards);
  const paged = cursor ? [...where, beyond(cursor)] : where;
  const limit = filters.limit + 1;
  const searched = search ? [...paged, matchPage(search, paged, order, limit)] : paged;
  const matching = query.pageIds ? [...searched, query.pageIds] : searched;
  // Each call's trackers in the same query: Postgres works them out for the page's rows only (after the LIMIT).
  const rows = await sqlRows<CallRow & Pick<CallColumns, "contact_id"> & { trackers: { id: string; name: string }[] }>(Prisma.sql`
    SELECT ${CALL_COLUMNS}, c.contact_id, ${Prisma.raw(CALL_TRACKER_NAMES_SQL)}
    FROM calls c JOIN sources s ON s.id = c.source_id
    ${whereAll(matching)}
    ${order}
    LIMIT ${limit}`);

  const page = sortedPage(rows, filters.limit, filters.sort, cursor, (r) => ({ at: r.started_at, id: r.id, score: r.lead_score }));
  const items = await withSnippets(
    page.items.map((r) => ({ ...toCallItem(r), isTest: r.is_test, contactId: r.contact_id, trackers: r.trackers })),
    options.snippets === false ? null : search,
  );
  return { items, nextCursor: page.nextCursor, prevCursor: page.prevCursor };
}

/** Where each call matched the words searched for; no snippet without a word search. */
async function withSnippets(items: CallListItem[], search: Search | null): Promise<CallListItem[]> {
  if (!search) return items;
  if (search.kind !== "words") return items.map((item) => ({ ...item, snippet: null, snippetFrom: null }));
  const snippets = await snippetsFor(
    items.map((i) => i.id),
    search.query,
    search.said,
  );
  return items.map((item) => ({ ...item, ...(snippets.get(item.id) ?? { snippet: null, snippetFrom: null }) }));
}

/** For pages read without a count: at least what the page holds, not claimed exact. */
const unknownTotal = (n: number): CallTotal => ({ count: n, exact: false });
