import type { RebucketState } from "@/lib/stats/rebucket";
import { TEST_ADMIN } from "./credentials";
import { jsonOf } from "./http";
import { asUser } from "./session";

// The organisation's time zone, set through the admin API as an admin would.

export type ZoneView = { timeZone: string; isSet: boolean; rebucket: RebucketState };

export const putZone = (timeZone: string, extra: Record<string, unknown> = {}) =>
  asUser(TEST_ADMIN, "/api/settings/time-zone", { method: "PUT", body: JSON.stringify({ timeZone, ...extra }) });

export const zoneView = () => jsonOf<ZoneView>(asUser(TEST_ADMIN, "/api/settings/time-zone"));

/** Sets the zone and waits for the background re-grouping of the rollups to finish (usable in hooks too). */
export async function setZone(timeZone: string): Promise<void> {
  const res = await putZone(timeZone);
  if (res.status !== 200) throw new Error(`setting the time zone answered ${res.status}`);
  for (let i = 0; i < 120; i++) {
    const { rebucket } = await zoneView();
    if (rebucket.zone === timeZone && rebucket.to === null) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the rollups did not move to ${timeZone} within 30 s`);
}
