import type { KnownBlock } from "@slack/types";
import { esc } from "@/lib/destinations/kinds/slack/send";
import type { DigestContent } from "./content";
import { countText, digestSubject, kpiLines, kpiZoneNote, leadNext, periodWord, viewChange } from "./wording";

// The digest as one Slack message (Block Kit), escaped as the Slack
// destination escapes vendor text: a customer named "<!channel>" pings no one.

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** A link in mrkdwn: the URL escaped too, and a "|" in it encoded, since it would end the URL. */
const link = (url: string, text: string) => `<${esc(url.replaceAll("|", "%7C"))}|${esc(text)}>`;

export function digestSlackMessage(c: DigestContent): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(`Your ${periodWord(c)} call digest`, 150) } },
    { type: "context", elements: [{ type: "mrkdwn", text: esc(`${c.periodLabel} · ${c.timeZone.replaceAll("_", " ")}`) }] },
    {
      type: "section",
      fields: kpiLines(c).map((k) => ({ type: "mrkdwn" as const, text: `*${esc(k.label)}*\n${esc(k.value)}${k.change ? ` _(${esc(k.change.text)})_` : ""}` })),
    },
  ];
  const note = kpiZoneNote(c);
  if (note) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: esc(note) }] });
  if (c.views.length) {
    const lines = c.views.map((v) => {
      const change = viewChange(c, v);
      return v.error
        ? `• ${link(v.url, v.name)}: ${esc(v.error)}`
        : `• ${link(v.url, v.name)}: *${countText(v.current)}*${change ? ` (${esc(change.text)})` : ""}`;
    });
    blocks.push({ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: clip(`*Your views*\n${lines.join("\n")}`, 3000) } });
  }
  blocks.push(
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: c.leads.length ? "*Call first*" : "*Call first*\nNo hot leads are waiting." } },
  );
  c.leads.forEach((lead, i) => {
    const who = [lead.who, lead.phone]
      .filter(Boolean)
      .map((v) => esc(v!))
      .join(" · ");
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: clip(`*${who}* · score ${lead.score}\n${esc(leadNext(lead))}`, 3000) },
      accessory: { type: "button", text: { type: "plain_text", text: "Open the call" }, url: lead.url, action_id: `open_call_${i}` },
    });
  });
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: `${link(c.links.overview, "Overview")} · ${link(c.links.settings, "Digest settings")}` }],
  });
  return { text: esc(digestSubject(c)), blocks };
}
