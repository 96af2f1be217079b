import { z } from "zod";
import { Prisma } from "@/lib/db/client";
import { cachedUntilChanged } from "@/lib/db/changes";
import { sqlRows } from "@/lib/db/rows";

// The organisation's time zone: the overview's days, the rollups, date filters
// and the CSV are read in it. Stored in the settings table under "timeZone";
// UTC until an admin (or the first admin's browser) sets one.

export const DEFAULT_TIME_ZONE = "UTC";

/**
 * A zone name ("Europe/Berlin", "UTC") this runtime knows. Offsets such as
 * "+05:30", which JavaScript accepts, are refused: Postgres reads them as POSIX
 * zones, with the sign the other way round, and the rollups would be 11 hours off.
 */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length <= 64;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().trim().refine(isTimeZone, "Choose a time zone from the list.");

/**
 * The zone as saved now, read from the database: for the rollups' move to a new zone (lib/stats/rebucket.ts) and
 * the digests' schedule, which must not act on a copy another process's change has not reached yet.
 */
export async function storedTimeZone(): Promise<string> {
  const [row] = await sqlRows<{ value: unknown }>(Prisma.sql`SELECT value FROM settings WHERE key = 'timeZone'`);
  const parsed = timeZoneSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_TIME_ZONE;
}

/**
 * The zone for showing and filtering: every list, chart and export reads it, so each process keeps a copy until a
 * change to the settings is heard (lib/db/changes.ts), a round trip less per page (bench:queries).
 */
export const readTimeZone: () => Promise<string> = cachedUntilChanged("settings", storedTimeZone);
