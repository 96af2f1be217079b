import { escapeHtml as h } from "@/lib/mail/html";
import type { DigestContent } from "./content";
import { digestSubject, countText, kpiLines, kpiZoneNote, leadNext, periodWord, viewChange } from "./wording";

// The digest as an email: a simple table layout with inline styles (mail
// clients drop <style> and scripts), no images, every value escaped; and the
// same content as plain text.

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const MUTED = "color:#64748b;";
const CELL = "padding:10px 12px;border-bottom:1px solid #e2e8f0;";

const changeHtml = (change: { text: string; up: boolean } | null) =>
  change
    ? `<span style="font-size:12px;color:${change.up ? "#047857" : "#be123c"};">${h(change.text)}</span>`
    : `<span style="font-size:12px;${MUTED}">no earlier data</span>`;

const heading = (text: string, first = false) => `<h2 style="margin:${first ? 0 : 28}px 0 10px;font-size:16px;color:#0f172a;">${h(text)}</h2>`;

function kpiGrid(c: DigestContent): string {
  const cells = kpiLines(c).map(
    (k) => `<td width="33%" valign="top" style="padding:10px;border:1px solid #e2e8f0;background:#ffffff;">
      <div style="font-size:12px;${MUTED}">${h(k.label)}</div>
      <div style="font-size:22px;font-weight:600;color:#0f172a;padding:2px 0;">${h(k.value)}</div>
      ${changeHtml(k.change)}</td>`,
  );
  const rows = [cells.slice(0, 3), cells.slice(3)].map((r) => `<tr>${r.join("")}</tr>`).join("");
  const note = kpiZoneNote(c);
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">${rows}</table>${
    note ? `<p style="margin:6px 0 0;font-size:12px;${MUTED}">${h(note)}</p>` : ""
  }`;
}

function viewTable(c: DigestContent): string {
  if (c.views.length === 0) return "";
  const rows = c.views
    .map((v) => {
      const count = v.error
        ? `<td colspan="2" style="${CELL}font-size:13px;color:#b45309;">${h(v.error)}</td>`
        : `<td align="right" style="${CELL}font-size:15px;font-weight:600;color:#0f172a;">${h(countText(v.current))}</td>
           <td align="right" style="${CELL}">${changeHtml(viewChange(c, v))}</td>`;
      return `<tr><td width="60%" style="${CELL}font-size:14px;"><a href="${h(v.url)}" style="color:#4338ca;text-decoration:none;">${h(v.name)}</a></td>${count}</tr>`;
    })
    .join("");
  return `${heading("Your views")}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;background:#ffffff;border:1px solid #e2e8f0;">${rows}</table>`;
}

function leadList(c: DigestContent): string {
  if (c.leads.length === 0) return `${heading("Call first")}<p style="font-size:14px;${MUTED}">No hot leads are waiting. Nice work.</p>`;
  const rows = c.leads
    .map(
      (lead) => `<tr><td style="${CELL}">
        <div style="font-size:15px;font-weight:600;color:#0f172a;">${h(lead.who)} <span style="font-size:12px;font-weight:600;color:#9a3412;background:#ffedd5;padding:1px 6px;border-radius:9px;">${lead.score}</span></div>
        ${lead.phone ? `<div style="font-size:13px;${MUTED}">${h(lead.phone)}</div>` : ""}
        <div style="font-size:13px;color:#334155;padding-top:4px;">${h(leadNext(lead))}</div>
      </td><td align="right" valign="middle" style="${CELL}white-space:nowrap;">
        <a href="${h(lead.url)}" style="display:inline-block;padding:7px 12px;border-radius:6px;background:#4f46e5;color:#ffffff;font-size:13px;font-weight:600;text-decoration:none;">Open the call</a>
      </td></tr>`,
    )
    .join("");
  const more =
    c.hotWaiting.count > c.leads.length
      ? `<p style="margin:8px 0 0;font-size:13px;"><a href="${h(c.links.hotLeads)}" style="color:#4338ca;">All ${h(countText(c.hotWaiting))} hot leads waiting →</a></p>`
      : "";
  return `${heading("Call first")}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;background:#ffffff;border:1px solid #e2e8f0;">${rows}</table>${more}`;
}

export function digestHtml(c: DigestContent): string {
  const title = `Your ${periodWord(c)} call digest`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${h(title)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9;"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;${FONT}">
<tr><td style="background:#4338ca;border-radius:10px 10px 0 0;padding:20px;">
  <div style="font-size:12px;color:#c7d2fe;text-transform:uppercase;letter-spacing:0.05em;">Call Analytics</div>
  <div style="font-size:22px;font-weight:600;color:#ffffff;padding-top:4px;">${h(title)}</div>
  <div style="font-size:14px;color:#e0e7ff;padding-top:2px;">${h(c.periodLabel)} · ${h(c.timeZone.replaceAll("_", " "))}</div>
</td></tr>
<tr><td style="background:#f8fafc;padding:20px 16px 24px;border:1px solid #e2e8f0;border-top:0;border-radius:0 0 10px 10px;">
  ${heading("At a glance", true)}${kpiGrid(c)}${viewTable(c)}${leadList(c)}
  <p style="margin:28px 0 0;font-size:14px;"><a href="${h(c.links.overview)}" style="color:#4338ca;">Open the overview →</a></p>
</td></tr>
<tr><td style="padding:16px 20px;font-size:12px;${MUTED}line-height:1.5;">
  You get this because you chose it in Call Analytics. <a href="${h(c.links.settings)}" style="color:#475569;">Digest settings</a> · <a href="${h(c.links.unsubscribe)}" style="color:#475569;">Unsubscribe</a>
</td></tr>
</table></td></tr></table></body></html>`;
}

export function digestText(c: DigestContent): string {
  const lines = [`Your ${periodWord(c)} call digest`, `${c.periodLabel} (${c.timeZone})`, "", "AT A GLANCE"];
  for (const k of kpiLines(c)) lines.push(`- ${k.label}: ${k.value}${k.change ? ` (${k.change.text})` : ""}`);
  const note = kpiZoneNote(c);
  if (note) lines.push(note);
  if (c.views.length) {
    lines.push("", "YOUR VIEWS");
    for (const v of c.views) {
      const change = viewChange(c, v);
      lines.push(v.error ? `- ${v.name}: ${v.error}` : `- ${v.name}: ${countText(v.current)}${change ? ` (${change.text})` : ""}`, `  ${v.url}`);
    }
  }
  lines.push("", "CALL FIRST");
  if (c.leads.length === 0) lines.push("No hot leads are waiting.");
  for (const lead of c.leads) {
    lines.push(`- ${lead.who}${lead.phone ? `, ${lead.phone}` : ""} (score ${lead.score})`, `  ${leadNext(lead)}`, `  ${lead.url}`);
  }
  if (c.hotWaiting.count > c.leads.length) lines.push(`All ${countText(c.hotWaiting)} hot leads waiting: ${c.links.hotLeads}`);
  lines.push("", `Overview: ${c.links.overview}`, `Digest settings: ${c.links.settings}`, `Unsubscribe: ${c.links.unsubscribe}`);
  return lines.join("\n");
}

export function digestEmail(c: DigestContent) {
  return { subject: digestSubject(c), html: digestHtml(c), text: digestText(c) };
}
