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

/** A metric alert opening (or clearing): what moved, by how much, and buttons to the Alerts page and the calls behind it. */
function metricAlertMessage(event: Extract<Outgoing, { type: "metric.alert" }>): { text: string; blocks: KnownBlock[] } {
  const { alert, urls } = event;
  const opened = alert.state === "opened";
  const headline = `${opened ? "Alert" : "Cleared"}: ${alert.condition} (${alert.measured})`;
  const facts = [
    `*Rule*\n${esc(alert.ruleName)}`,
    `*Scope*\n${esc(alert.viewName ?? "All calls")}`,
    `*Now*\n${esc(alert.valueText)}`,
    ...(alert.previousText ? [`*The window before*\n${esc(alert.previousText)}`] : []),
  ];
  const buttons = [
    { type: "button" as const, text: { type: "plain_text" as const, text: "Open alerts" }, url: urls.alerts, action_id: "open_alerts" },
    ...(urls.calls
      ? [{ type: "button" as const, text: { type: "plain_text" as const, text: "Open the calls" }, url: urls.calls, action_id: "open_calls" }]
      : []),
  ];
  return {
    text: esc(headline),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${opened ? ":rotating_light:" : ":white_check_mark:"} *${esc(headline)}*` } },
      { type: "section", fields: facts.map((text) => ({ type: "mrkdwn" as const, text })) },
      { type: "actions", elements: buttons },
    ],
  };
}

export function slackMessage(event: Outgoing): { text: string; blocks: KnownBlock[] } {
  if (event.type === "metric.alert") return metricAlertMessage(event);
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
