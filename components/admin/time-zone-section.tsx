import { readTimeZone } from "@/lib/settings/time-zone";
import { timeZoneChoices } from "@/lib/settings/save-time-zone";
import { rebucketState } from "@/lib/stats/rebucket";
import { TimeZoneForm } from "./time-zone-form";

/** The settings page's time zone section (a server component: it reads the setting and the re-grouping's progress). */
export async function TimeZoneSection() {
  const [timeZone, rebucket] = await Promise.all([readTimeZone(), rebucketState()]);
  return (
    <section aria-labelledby="time-zone-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div>
        <h2 id="time-zone-heading" className="font-medium">
          Time zone
        </h2>
        <p className="text-sm text-slate-600">
          The organisation&apos;s days: the overview&apos;s charts and totals, date filters and the CSV export use it. Changing it re-groups past calls by day
          in the background.
        </p>
      </div>
      <TimeZoneForm timeZone={timeZone} zones={timeZoneChoices()} rebucket={rebucket} />
    </section>
  );
}
