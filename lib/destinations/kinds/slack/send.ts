import type { KnownBlock } from "@slack/types";
import type { CallDetail } from "@/lib/calls/schemas";
import type { SlackConfig } from "./config";
import { postJson } from "@/lib/destinations/post-json";
import type { Outgoing, SendInput, SendResult } from "@/lib/destinations/types";

// A Slack incoming webhook: one Block Kit message per hot lead (or alert),
// written for a salesperson reading it on a phone: who, what they want, what
// to do next, and a button to the call. Slack allows about one message per
// second per webhook (its rateIntervalSec).

/** Slack's mrkdwn treats &, < and > as markup. */
export const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const words = (value: string | null) => (value ? value.replaceAll("_", " ") : "—");
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function contactLine(call: CallDetail): string {
  const { name, phone, email } = call.customer;
  return (
    [name, phone, email]
      .filter(Boolean)
      .map((v) => esc(v!))
      .join(" · ") || "Unknown caller"
  );
}

function callBlocks(call: CallDetail, callUrl: string, test: boolean): KnownBlock[] {
  const who = call.customer.name ?? call.customer.phone ?? "Unknown caller";
  const next = [call.nextAction, call.callbackAt ? `call back ${new Date(call.callbackAt).toUTCString()}` : null].filter(Boolean).join(" — ");
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(`${call.isHot ? "🔥 Hot lead" : "Call"}: ${who}`, 150), emoji: true } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Contact*\n${contactLine(call)}` },
        { type: "mrkdwn", text: `*Company*\n${esc(call.customer.company ?? "—")}` },
        { type: "mrkdwn", text: `*Interest*\n${esc(call.interestLevel ?? "—")}` },
        { type: "mrkdwn", text: `*Outcome*\n${words(call.outcome)} · score ${call.leadScore}` },
      ],
    },
  ];
  if (call.summary) blocks.push({ type: "section", text: { type: "mrkdwn", text: `*Summary*\n${esc(clip(call.summary, 2800))}` } });
  if (next) blocks.push({ type: "section", text: { type: "mrkdwn", text: `*Next action*\n${esc(clip(next, 2800))}` } });
  blocks.push({
    type: "actions",
    elements: [{ type: "button", text: { type: "plain_text", text: "Open the call" }, url: callUrl, style: "primary", action_id: "open_call" }],
  });
  if (test) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Test message from Call Analytics: this is a sample call." }] });
  return blocks;
}

export function slackMessage(event: Outgoing): { text: string; blocks: KnownBlock[] } {
  if (event.type === "source.alert") {
    const { alert } = event;
    return {
      text: esc(`${alert.title}: ${alert.sourceName}`),
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `:warning: *${esc(alert.title)}: ${esc(alert.sourceName)}*\n${esc(alert.detail)}` } },
        {
          type: "actions",
          elements: [{ type: "button", text: { type: "plain_text", text: "Open sources" }, url: event.sourcesUrl, action_id: "open_sources" }],
        },
      ],
    };
  }
  const { call } = event;
  const who = call.customer.name ?? call.customer.phone ?? "unknown caller";
  // The fallback text is what notifications show, and Slack reads markup in it
  // as in the blocks: a caller named "<!channel>" would otherwise ping everyone.
  const what = `${event.type === "call.updated" ? "Corrected: " : ""}${call.isHot ? "Hot lead" : "Call"}`;
  const text = esc(`${what}: ${who} (${words(call.outcome)})`);
  return { text, blocks: callBlocks(call, event.callUrl, event.type === "call.test") };
}

export function sendSlack(config: SlackConfig, input: SendInput): Promise<SendResult> {
  return postJson(config.webhookUrl, JSON.stringify(slackMessage(input.event)));
}
