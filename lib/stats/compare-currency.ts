// Currencies are never added together. A group (one vendor, agent, campaign or
// source) whose costed calls are all in one currency is one row, its calls
// without a cost included, its cost in that currency. A group with costs in
// several currencies is split: one row per currency, and its calls without a
// cost in a row of their own (currency null). The choice is made over the
// period and the one before together, so a row compares like with like.

export interface GroupCurrency {
  split: boolean;
  /** The one currency of a group that is not split (null: no cost at all). */
  currency: string | null;
}

/** For each value, from its rollup rows ("" currency: calls without a cost). */
export function groupCurrencies(rows: { value: string; currency: string; costedCalls: number }[]): Map<string, GroupCurrency> {
  const seen = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = seen.get(r.value) ?? new Set<string>();
    if (r.currency !== "" && r.costedCalls > 0) set.add(r.currency);
    seen.set(r.value, set);
  }
  return new Map(
    [...seen].map(([value, set]) => [value, set.size > 1 ? { split: true, currency: null } : { split: false, currency: set.values().next().value ?? null }]),
  );
}

/** The row a rollup row's calls fall in: the group's one row, or the row of its currency. */
export function rowCurrency(group: GroupCurrency, currency: string): string | null {
  if (!group.split) return group.currency;
  return currency === "" ? null : currency;
}
