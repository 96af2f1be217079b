"use client";

import { useState } from "react";
import { adminFetch } from "@/components/admin/admin-fetch";
import { ActionError, submitWith, useAction } from "@/components/admin/use-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const label = (zone: string) => zone.replaceAll("_", " ");

/**
 * The person's own time zone: their digest's hour is read in it. A list with the organisation's zone first (the
 * default, stored as none); a select rather than the admin form's typed search, so that "the organisation's" is a
 * choice of its own.
 */
export function TimeZoneChoice({ own, organisation, zones }: { own: string | null; organisation: string; zones: string[] }) {
  const [saved, setSaved] = useState(own ?? "");
  const { run, busy, error } = useAction(async (form: FormData) => {
    const field = form.get("timeZone");
    const zone = typeof field === "string" ? field : "";
    const answer = await adminFetch<{ own: string | null }>("/api/account/time-zone", "PUT", { timeZone: zone || null });
    setSaved(answer.own ?? "");
  });
  return (
    <form onSubmit={submitWith(run)} className="space-y-2" aria-label="Your time zone">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Time zone">
          <select name="timeZone" defaultValue={saved} className="input block w-full sm:w-80">
            <option value="">Organisation&apos;s ({label(organisation)})</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {label(z)}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save time zone"}
        </Button>
      </div>
      <p className="text-sm text-slate-600" role="status">
        Your digest&apos;s hour is read in {label(saved || organisation)}
        {saved ? "" : ", the organisation's time zone"}.
      </p>
      <ActionError error={error} />
    </form>
  );
}
