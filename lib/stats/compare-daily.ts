import { pool } from "@/lib/db/pool";
import { readTimeZone } from "@/lib/settings/time-zone";
import { addTotals, figuresOf, noTotals, type CompareTotals } from "./compare-figures";
import { groupCurrencies } from "./compare-currency";
import { labelsFor } from "./compare-labels";
import { daysOf, resolvePeriod } from "./compare-period";
import { DIMENSION_OF, type CompareDailyAnswer, type CompareDailyQuery } from "./compare-schema";
import { TOTALS_SQL, totalsOf, type TotalsRow } from "./compare-sql";

// Two or more Compare rows' figure by day, for the chart beside the table.
// A row is a value, and a currency when its group is split by currency
// (lib/stats/compare-currency.ts); every day of the period is there.

type Row = TotalsRow & { day: string; value: string; currency: string };

export async function getCompareDaily(q: CompareDailyQuery, now = new Date()): Promise<CompareDailyAnswer> {
  const timeZone = await readTimeZone();
  const period = resolvePeriod(q, timeZone, now);
  const values = [...new Set(q.values)];
  const { rows } = await pool.query<Row>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, value, currency, ${TOTALS_SQL}
     FROM daily_compare_stats
     WHERE dimension = $1 AND value = ANY($2::text[]) AND day >= $3::date AND day <= $4::date
     GROUP BY 1, 2, 3`,
    [DIMENSION_OF[q.by], values, period.from, period.to],
  );
  const groups = groupCurrencies(rows.map((r) => ({ value: r.value, currency: r.currency, costedCalls: r.costed_calls })));
  const name = await labelsFor(q.by, values);
  const series = q.values.map((key, i) => {
    const wanted = q.currencies?.[i];
    const all = wanted === undefined || wanted === "*";
    const group = groups.get(key);
    // All of a value's calls have a cost currency only when they have one between them.
    const currency = all ? (group && !group.split ? group.currency : null) : wanted === "" ? null : wanted;
    return { id: `s${i}`, key, label: name(key).label, currency, matches: (r: Row) => r.value === key && (all || r.currency === wanted) };
  });
  const days = daysOf(period.from, period.to).map((day) => {
    const entry: Record<string, string | number | null> = { day };
    for (const s of series) {
      const t: CompareTotals = noTotals();
      for (const r of rows) if (r.day === day && s.matches(r)) addTotals(t, totalsOf(r));
      entry[s.id] = t.calls === 0 && q.metric !== "calls" && q.metric !== "meetings" && q.metric !== "hotLeads" ? null : figuresOf(t, s.currency)[q.metric];
    }
    return entry;
  });
  return {
    by: q.by,
    metric: q.metric,
    from: period.from,
    to: period.to,
    series: series.map(({ id, key, label: l, currency }) => ({ id, key, label: l, currency })),
    days,
  };
}
