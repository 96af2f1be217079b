import { db } from "@/lib/db/client";
import { readTimeZone } from "@/lib/settings/time-zone";
import { callConditions, whereAll } from "./conditions";
import { countCalls, type CallTotal } from "./count";
import type { CallFilters } from "./filters";
import { CALL_COLUMNS, toCallItem, type CallRow } from "./row";
import type { CallList, CallListItem } from "./schemas";
import { matchPage, resolveSearch, type Search } from "./search";
import { snippetsFor } from "./snippet";
import { beyond, decodeCallCursor, orderBy, sortedPage } from "./sort";

// The call list: filtered, searched, sorted, paged by keyset both ways (never
// OFFSET), with the total of matching calls counted beside the page.

export interface ListOptions {
  /** Count the matching calls (the CSV export reads pages only). */
  total?: boolean;
  /** Mark where each call matched a search (the CSV export has no use for it). */
  snippets?: boolean;
}

export async function listCalls(filters: CallFilters, options: ListOptions = {}): Promise<CallList> {
  const cursor = decodeCallCursor(filters.cursor, filters.sort);
  const where = callConditions(filters, await readTimeZone());
  const search = filters.q ? await resolveSearch(filters.q, filters.said) : null;

  const backwards = cursor?.way === "before";
  const order = orderBy(filters.sort, backwards);
  const paged = cursor ? [...where, beyond(cursor)] : where;
  const limit = filters.limit + 1;
  const matching = search ? [...paged, matchPage(search, paged, order, limit)] : paged;
  const [rows, total] = await Promise.all([
    db.$queryRaw<CallRow[]>`
      SELECT ${CALL_COLUMNS}
      FROM calls c JOIN sources s ON s.id = c.source_id
      ${whereAll(matching)}
      ${order}
      LIMIT ${limit}`,
    options.total === false ? null : countCalls(where, search),
  ]);

  const page = sortedPage(rows, filters.limit, filters.sort, cursor, (r) => ({ at: r.started_at, id: r.id, score: r.lead_score }));
  const items = await withSnippets(
    page.items.map((r) => ({ ...toCallItem(r), isTest: r.is_test })),
    options.snippets === false ? null : search,
  );
  return { items, nextCursor: page.nextCursor, prevCursor: page.prevCursor, total: total ?? unknownTotal(items.length) };
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
