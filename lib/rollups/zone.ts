// Which time zone the rollups' days are in, as SQL reads it: the settings row
// "rollupZone" = {zone, to, boundary}. At rest `to` is null and every day is
// a day in `zone`. While a re-bucketing moves the rollups to the zone `to`
// (lib/stats/rebucket.ts), calls that started before `boundary` are already
// counted on their day in `to`, the others still in `zone`. Every statement
// that adds a call to the rollups reads this row itself, so that a call is
// always counted where the re-bucketing expects it. No row: UTC days (as
// before the organisation had a time zone).

export const ROLLUP_ZONE_KEY = "rollupZone";

/** Joins the rollup zone's settings row as `rz` (for rollupDay). */
export const ROLLUP_JOIN = `LEFT JOIN settings rz ON rz.key = '${ROLLUP_ZONE_KEY}'`;

/** SQL: the rollup day of the timestamptz expression `at`, with ROLLUP_JOIN in the FROM clause. */
export function rollupDay(at: string): string {
  return `((${at}) AT TIME ZONE CASE
      WHEN rz.value->>'to' IS NOT NULL AND (${at}) < (rz.value->>'boundary')::timestamptz THEN rz.value->>'to'
      ELSE COALESCE(rz.value->>'zone', 'UTC') END)::date`;
}
