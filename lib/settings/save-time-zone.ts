import { DomainError } from "@/lib/errors";
import { changedHere } from "@/lib/db/changes";
import { pool } from "@/lib/db/pool";
import { startRebucket } from "@/lib/stats/rebucket";
import { DEFAULT_TIME_ZONE } from "./time-zone";

// Setting the organisation's time zone (admins). A change moves the rollups
// to days in the new zone in the background (lib/stats/rebucket.ts).

/** Whether an admin (or the first admin's browser) has chosen a zone yet. */
export async function timeZoneIsSet(): Promise<boolean> {
  const { rows } = await pool.query("SELECT 1 FROM settings WHERE key = 'timeZone'");
  return rows.length > 0;
}

/**
 * Saves `zone`; with `ifUnset`, only when none was chosen yet (the first
 * admin's browser offers its own, and must not undo an admin's choice).
 */
export async function saveTimeZone(zone: string, { ifUnset = false } = {}): Promise<{ before: string; after: string; changed: boolean }> {
  // The rollups are grouped by Postgres, which must know the zone under this very name.
  const known = await pool.query("SELECT 1 FROM pg_timezone_names WHERE name = $1", [zone]);
  if (known.rows.length === 0)
    throw new DomainError("invalid", "Unknown time zone", "The database does not know this time zone: choose another from the list.");
  const { rows } = await pool.query<{ before: string | null; after: string }>(
    `WITH old AS (SELECT value #>> '{}' AS zone FROM settings WHERE key = 'timeZone'),
          saved AS (
            INSERT INTO settings (key, value, updated_at) VALUES ('timeZone', to_jsonb($1::text), now())
            ON CONFLICT (key) DO ${ifUnset ? "NOTHING" : "UPDATE SET value = EXCLUDED.value, updated_at = now()"}
            RETURNING value #>> '{}' AS zone)
     SELECT (SELECT zone FROM old) AS before, COALESCE((SELECT zone FROM saved), (SELECT zone FROM old)) AS after`,
    [zone],
  );
  const before = rows[0].before ?? DEFAULT_TIME_ZONE;
  const after = rows[0].after;
  const changed = before !== after;
  // This process's copy drops at once; the others' when the settings' notice reaches them.
  if (changed) changedHere("settings");
  if (changed) await startRebucket();
  return { before, after, changed };
}

/** Every IANA zone this runtime knows, for the picker. */
export function timeZoneChoices(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}
