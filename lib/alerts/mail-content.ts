import { DateTime } from "luxon";
import { escapeHtml as h } from "@/lib/mail/html";
import type { Mail } from "@/lib/mail/send";
import type { Outgoing } from "@/lib/destinations/types";

// The email to a rule's owner when its alert opens or clears: the subject
// says it all ("Alert: Connect rate below 40% (32% in the last hour)"), the
// body adds the rule, its scope and links to the Alerts page and the calls.
// Simple inline-styled HTML (mail clients drop <style>), every value escaped,
// and the same in plain text.

type MetricEvent = Extract<Outgoing, { type: "metric.alert" }>;

/** `timeZone`: the owner's, for the time it opened or cleared. */
export function alertMail(to: string, event: MetricEvent, timeZone: string): Mail {
  const { alert, urls } = event;
  const opened = alert.state === "opened";
  // Header lines cannot hold line breaks; a rule name or view name could.
  const subject = `${opened ? "Alert" : "Cleared"}: ${alert.condition} (${alert.measured})`.replace(/[\r\n]+/g, " ");
  const facts: [string, string][] = [
    ["Rule", alert.ruleName],
    // A source's silence is about the source (the condition names it), not about calls.
    ...(alert.metric === "source_silence" ? [] : ([["Scope", alert.viewName ? `The view '${alert.viewName}'` : "All calls"]] as [string, string][])),
    [opened ? "Now" : "When it cleared", alert.measured],
    ...(alert.previousText ? ([["The window before", alert.previousText]] as [string, string][]) : []),
    [
      opened ? "Opened" : "Cleared",
      DateTime.fromISO(opened ? alert.openedAt : (alert.clearedAt ?? alert.openedAt), { zone: timeZone }).toFormat("ccc d LLL yyyy, HH:mm ZZZZ"),
    ],
  ];
  const links: [string, string][] = [["Open alerts", urls.alerts], ...(urls.calls ? ([["Open the calls", urls.calls]] as [string, string][]) : [])];
  const lead = opened ? "An alert rule of yours fired." : "An alert of yours cleared: the condition no longer holds.";

  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">
<p style="margin:0 0 4px;font-size:13px;color:${opened ? "#b45309" : "#047857"};font-weight:600">${opened ? "Alert" : "Cleared"}</p>
<h1 style="margin:0 0 12px;font-size:20px;line-height:1.3">${h(alert.condition)}</h1>
<p style="margin:0 0 16px;font-size:14px;color:#334155">${h(lead)}</p>
<table style="border-collapse:collapse;font-size:14px;margin:0 0 20px">${facts
    .map(([k, v]) => `<tr><td style="padding:4px 16px 4px 0;color:#64748b;vertical-align:top">${h(k)}</td><td style="padding:4px 0">${h(v)}</td></tr>`)
    .join("")}</table>
<p style="margin:0">${links
    .map(
      ([label, href]) =>
        `<a href="${h(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:8px 14px;border-radius:6px;background:#4f46e5;color:#ffffff;text-decoration:none;font-size:14px">${h(label)}</a>`,
    )
    .join("")}</p>
</div></body></html>`;

  const text = [
    `${opened ? "Alert" : "Cleared"}: ${alert.condition}`,
    "",
    lead,
    "",
    ...facts.map(([k, v]) => `${k}: ${v}`),
    "",
    ...links.map(([label, href]) => `${label}: ${href}`),
    "",
  ].join("\n");

  // A stable id: a mail client shows a message sent twice (a retry after a crash mid-send) once.
  return { to, subject, html, text, headers: { "Message-ID": `<metric-alert-${alert.id}-${alert.state}@call-analytics>` } };
}
