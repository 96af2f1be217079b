// Every list shows how many match its filter: exact up to a cap, then "10,000+".
// Counting stops at the cap, so a large table costs no more than 10,001 index entries.

export const COUNT_CAP = 10_000;

export interface ListTotal {
  count: number;
  exact: boolean;
}

/** A count made with `take: COUNT_CAP + 1` (or a LIMIT), read as a total. */
export const cappedTotal = (counted: number): ListTotal => (counted > COUNT_CAP ? { count: COUNT_CAP, exact: false } : { count: counted, exact: true });

/** "1,234 events", "1 event", "10,000+ events". */
export function totalText(total: ListTotal, one: string, many: string): string {
  if (!total.exact) return `${COUNT_CAP.toLocaleString("en-US")}+ ${many}`;
  return `${total.count.toLocaleString("en-US")} ${total.count === 1 ? one : many}`;
}
