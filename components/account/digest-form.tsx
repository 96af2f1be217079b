"use client";

import { useState } from "react";
import { adminFetch } from "@/components/admin/admin-fetch";
import { ActionError, useAction } from "@/components/admin/use-action";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { DigestSendView, DigestSettings } from "@/lib/digests/types";
import { DigestPreview } from "./digest-preview";
import { DigestSends, weekdayName } from "./digest-sends";

export interface DigestFormProps {
  settings: DigestSettings;
  sends: DigestSendView[];
  views: { id: string; name: string; shared: boolean }[];
  slackDestinations: { id: string; name: string }[];
  email: string;
  /** Null when email can go out; else why not (no SMTP_URL). */
  mailOff: string | null;
  timeZone: string;
}

type Answer = { settings: DigestSettings; sends: DigestSendView[] };
type SlackPick = "none" | "own" | `destination:${string}`;

const slackPick = (s: DigestSettings["slack"]): SlackPick => (s.kind === "destination" ? `destination:${s.destinationId}` : s.kind);

/** The Account page's digest settings, a "Send now" that follows its send, and a preview of the email beside them. */
export function DigestForm(props: DigestFormProps) {
  const [settings, setSettings] = useState(props.settings);
  const [sends, setSends] = useState(props.sends);
  const [frequency, setFrequency] = useState(settings.frequency);
  const [slack, setSlack] = useState<SlackPick>(() => slackPick(props.settings.slack));
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const zone = props.timeZone.replaceAll("_", " ");

  const save = useAction(
    async (form: FormData) => {
      setNotice(null);
      const typed = form.get("webhookUrl");
      const webhookUrl = typeof typed === "string" ? typed.trim() : "";
      const answer = await adminFetch<Answer>("/api/account/digest", "PUT", {
        enabled: form.get("enabled") === "on",
        frequency: form.get("frequency"),
        weekday: Number(form.get("weekday") ?? settings.weekday),
        sendAt: form.get("sendAt"),
        viewIds: form.getAll("viewIds"),
        email: form.get("email") === "on",
        slack:
          slack === "none"
            ? { kind: "none" }
            : slack === "own"
              ? { kind: "own", webhookUrl }
              : { kind: "destination", destinationId: slack.slice("destination:".length) },
      });
      setSettings(answer.settings);
      setSends(answer.sends);
      setVersion((v) => v + 1);
      setNotice("Saved.");
    },
    { refresh: false },
  );

  const sendNow = useAction(
    async () => {
      setNotice(null);
      const { id } = await adminFetch<{ id: string }>("/api/account/digest/send", "POST");
      setNotice("Queued: it goes out in a moment.");
      // Followed until it went or failed (the queue retries a failure; the list shows the latest state).
      for (let i = 0; i < 60; i++) {
        const answer = await adminFetch<Answer>("/api/account/digest", "GET");
        setSends(answer.sends);
        const send = answer.sends.find((s) => s.id === id);
        if (send && send.status !== "sending") {
          setNotice(send.status === "sent" ? "Sent." : "It did not go: see below.");
          return;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    },
    { refresh: false },
  );

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        aria-label="Digest settings"
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(new FormData(e.currentTarget));
        }}
      >
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="enabled" defaultChecked={settings.enabled} className="size-4" />
          Send me a digest
        </label>

        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">When</legend>
          <div className="flex flex-wrap items-end gap-3">
            <div className="text-sm text-slate-600">
              <span className="mb-1 block" id="how-often">
                How often
              </span>
              <div className="flex h-[2.375rem] items-center gap-4 text-slate-800" role="radiogroup" aria-labelledby="how-often">
                {(["daily", "weekly"] as const).map((f) => (
                  <label key={f} className="flex items-center gap-1.5">
                    <input type="radio" name="frequency" value={f} checked={frequency === f} onChange={() => setFrequency(f)} />
                    {f === "daily" ? "Daily" : "Weekly"}
                  </label>
                ))}
              </div>
            </div>
            {frequency === "weekly" && (
              <Field label="On">
                <select name="weekday" defaultValue={settings.weekday} className="input block">
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <option key={d} value={d}>
                      {weekdayName(d)}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field label="At">
              <input type="time" name="sendAt" required step={60} defaultValue={settings.sendAt} className="input block" />
            </Field>
          </div>
          <p className="text-xs text-slate-500">
            Local time in {zone}. {frequency === "weekly" ? "It covers the 7 days before." : "It covers the day before."}
          </p>
        </fieldset>

        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800">Views to count</legend>
          {props.views.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="no-views">
              You have no saved views yet. Save a filter as a view on the Calls or Hot leads page, then choose it here to see how many calls it had.
            </p>
          ) : (
            <ul className="grid gap-1 text-sm sm:grid-cols-2">
              {props.views.map((v) => (
                <li key={v.id}>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="viewIds" value={v.id} defaultChecked={settings.viewIds.includes(v.id)} className="size-4" />
                    <span className="truncate">{v.name}</span>
                    {v.shared && <span className="text-xs text-slate-500">shared</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">Where</legend>
          <div>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="email"
                defaultChecked={settings.email && !props.mailOff}
                disabled={Boolean(props.mailOff)}
                aria-describedby={props.mailOff ? "mail-off" : undefined}
                className="size-4"
              />
              Email to {props.email}
            </label>
            {props.mailOff && (
              <p id="mail-off" className="mt-1 ml-6 text-xs text-slate-500">
                {props.mailOff}
              </p>
            )}
          </div>
          <Field label="Slack">
            <select value={slack} onChange={(e) => setSlack(e.target.value as SlackPick)} className="input block w-full sm:w-80" name="slack">
              <option value="none">No Slack</option>
              {props.slackDestinations.map((d) => (
                <option key={d.id} value={`destination:${d.id}`}>
                  {d.name}
                </option>
              ))}
              <option value="own">A webhook URL of my own…</option>
            </select>
          </Field>
          {slack === "own" && (
            <Field
              label="Incoming-webhook URL"
              hint={
                settings.slack.kind === "own" && settings.slack.webhookUrlMasked
                  ? `Saved: ${settings.slack.webhookUrlMasked}. Leave empty to keep it.`
                  : "Slack app → Incoming Webhooks → Add New Webhook."
              }
            >
              <input
                name="webhookUrl"
                type="url"
                autoComplete="off"
                spellCheck={false}
                placeholder="https://hooks.slack.com/services/…"
                className="input block w-full sm:w-96"
              />
            </Field>
          )}
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={save.busy}>
            {save.busy ? "Saving…" : "Save digest"}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={!settings.saved || sendNow.busy}
            aria-describedby={settings.saved ? undefined : "send-now-hint"}
            onClick={() => void sendNow.run()}
          >
            {sendNow.busy ? "Sending…" : "Send now"}
          </Button>
          {/* Send now sends the digest as saved: a disabled button says why. */}
          {!settings.saved && (
            <span id="send-now-hint" className="text-sm text-slate-500">
              Save the digest to send one now.
            </span>
          )}
          {notice && (
            <span role="status" className="text-sm text-slate-600">
              {notice}
            </span>
          )}
        </div>
        <ActionError error={save.error ?? sendNow.error} />
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-800">Latest digests</h3>
          <DigestSends sends={sends} timeZone={props.timeZone} />
        </div>
      </form>
      <DigestPreview version={version} />
    </div>
  );
}
