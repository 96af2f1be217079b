import { pool } from "@/lib/db/pool";
import { readTimeZone } from "@/lib/settings/time-zone";
import { addTotals, figuresOf, noTotals, type CompareTotals } from "./compare-figures";
import { groupCurrencies, rowCurrency } from "./compare-currency";
import { labelsFor } from "./compare-labels";
import { resolvePeriod } from "./compare-period";
import { DIMENSION_OF, type CompareAnswer, type CompareQuery, type CompareRow } from "./compare-schema";
import { TOTALS_SQL, totalsOf, type TotalsRow } from "./compare-sql";

// The Compare page's table: vendors, agents, campaigns or sources side by
// side over a period and the one before it, read from the daily Compare
// rollup (never from calls). One query; the rows are few (a value and
// currency per period), grouped here.

type Row = TotalsRow & { current: boolean; value: string; currency: string };

export async function getCompare(q: CompareQuery, now = new Date()): Promise<CompareAnswer> {
  const timeZone = await readTimeZone();
  const period = resolvePeriod(q, timeZone, now);
  const { rows } = await pool.query<Row>(
    `SELECT day >= $3::date AS current, value, currency, ${TOTALS_SQL}
     FROM daily_compare_stats
     WHERE dimension = $1 AND day >= $2::date AND day <= $4::date
     GROUP BY 1, 2, 3`,
    [DIMENSION_OF[q.by], period.previousFrom, period.from, period.to],
  );
  const groups = groupCurrencies(rows.map((r) => ({ value: r.value, currency: r.currency, costedCalls: r.costed_calls })));

  const byRow = new Map<string, { key: string; currency: string | null; split: boolean; current: CompareTotals; previous: CompareTotals }>();
  for (const r of rows) {
    const group = groups.get(r.value)!;
    const currency = rowCurrency(group, r.currency);
    const id = `${r.value}\u0000${currency ?? ""}`;
    const row = byRow.get(id) ?? { key: r.value, currency, split: group.split, current: noTotals(), previous: noTotals() };
    addTotals(r.current ? row.current : row.previous, totalsOf(r));
    byRow.set(id, row);
  }
  const shown = [...byRow.values()].filter((r) => r.current.calls > 0);
  const name = await labelsFor(
    q.by,
    shown.map((r) => r.key),
  );
  const out: CompareRow[] = shown.map((r) => ({
    key: r.key,
    ...name(r.key),
    currency: r.currency,
    split: r.split,
    ...figuresOf(r.current, r.currency),
    previous: figuresOf(r.previous, r.currency),
  }));
  out.sort((a, b) => b.calls - a.calls || a.label.localeCompare(b.label) || (a.currency ?? "").localeCompare(b.currency ?? ""));
  return { by: q.by, timeZone, from: period.from, to: period.to, previousFrom: period.previousFrom, previousTo: period.previousTo, rows: out };
}
