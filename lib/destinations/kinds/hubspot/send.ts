import { Client } from "@hubspot/api-client";
import { escapeHtml } from "@/lib/mail/html";
import type { CallDetail } from "@/lib/calls/schemas";
import { guardedNodeAgent, OutboundRefused } from "@/lib/security/outbound";
import { DEFAULT_LEAD_STATUS, type HubSpotConfig } from "./config";
import { retryAfterSeconds } from "@/lib/destinations/post-json";
import { excerpt, type SendInput, type SendResult } from "@/lib/destinations/types";

// HubSpot through its official client: find the contact by phone (or create
// it), set its lead status from the call's outcome, add a note with the
// summary, interest and next action, and a task at the callback time.
// HubSpot has no idempotency header, so each note and task carries the
// delivery's key as a marker and is looked up before it is created: a retry
// after a crash finds the note instead of adding a second one.

const ASSOCIATION = { noteToContact: 202, taskToContact: 204 } as const;
// The client types operators and association categories as one enum per API
// module (contacts, objects, notes, tasks), exported only from deep paths;
// the plain strings below are those enums' values, hence the `as never`.

/** HubSpot's address; tests and proxies set HUBSPOT_API_BASE_URL. */
const basePath = () => process.env.HUBSPOT_API_BASE_URL ?? "https://api.hubapi.com";

export function hubspotClient(accessToken: string): Client {
  const base = basePath();
  return new Client({
    accessToken,
    basePath: base,
    // Retries belong to the delivery job, which backs off and records each attempt.
    numberOfApiCallRetries: 0,
    httpAgent: guardedNodeAgent(new URL(base).protocol as "http:" | "https:"),
  });
}

const marker = (key: string) => `ca-${key.replaceAll("-", "")}`;

function splitName(name: string | null): { firstname?: string; lastname?: string } {
  if (!name) return {};
  const [first, ...rest] = name.trim().split(/\s+/);
  return rest.length ? { firstname: first, lastname: rest.join(" ") } : { firstname: first };
}

const paragraph = (label: string, value: string | null) => (value ? `<p><strong>${label}:</strong> ${escapeHtml(value)}</p>` : "");

function noteBody(call: CallDetail, callUrl: string, key: string, corrected: boolean): string {
  return [
    `<p><strong>${corrected ? "Corrected by a reviewer: " : ""}AI call (${call.provider})</strong>, ${call.outcome?.replaceAll("_", " ") ?? "no outcome"}, lead score ${call.leadScore}</p>`,
    paragraph("Summary", call.summary),
    paragraph("Interest", call.interestLevel),
    paragraph("Next action", call.nextAction),
    `<p><a href="${callUrl}">Open the call</a> <span style="color:#999">${marker(key)}</span></p>`,
  ].join("");
}

async function findContact(client: Client, phone: string): Promise<string | null> {
  const found = await client.crm.contacts.searchApi.doSearch({
    filterGroups: [
      { filters: [{ propertyName: "phone", operator: "EQ" as never, value: phone }] },
      { filters: [{ propertyName: "mobilephone", operator: "EQ" as never, value: phone }] },
    ],
    properties: ["phone"],
    limit: 1,
  });
  return found.results[0]?.id ?? null;
}

async function hasMarked(client: Client, objectType: "notes" | "tasks", property: string, key: string): Promise<boolean> {
  const found = await client.crm.objects.searchApi.doSearch(objectType, {
    filterGroups: [{ filters: [{ propertyName: property, operator: "CONTAINS_TOKEN" as never, value: marker(key) }] }],
    limit: 1,
  });
  return found.results.length > 0;
}

/** `corrected`: a reviewer's correction of a call sent before: its callback task exists already. */
async function forwardCall(client: Client, config: HubSpotConfig, call: CallDetail, callUrl: string, key: string, corrected: boolean): Promise<SendResult> {
  const phone = call.customer.phone;
  if (!phone) return { ok: true, skipped: "The call has no customer phone to find the contact by.", status: null, excerpt: "" };
  let contactId = await findContact(client, phone);
  if (!contactId) {
    if (!config.createContacts) return { ok: true, skipped: `No HubSpot contact has ${phone}, and creating contacts is off.`, status: null, excerpt: "" };
    const created = await client.crm.contacts.basicApi.create({
      properties: {
        phone,
        ...splitName(call.customer.name),
        ...(call.customer.email ? { email: call.customer.email } : {}),
        ...(call.customer.company ? { company: call.customer.company } : {}),
      },
      associations: [],
    });
    contactId = created.id;
  }
  const status = call.outcome ? (config.leadStatus[call.outcome] ?? DEFAULT_LEAD_STATUS[call.outcome]) : "";
  if (status) await client.crm.contacts.basicApi.update(contactId, { properties: { hs_lead_status: status } });

  const toContact = (typeId: number) => [{ to: { id: contactId }, types: [{ associationCategory: "HUBSPOT_DEFINED" as never, associationTypeId: typeId }] }];
  if (!(await hasMarked(client, "notes", "hs_note_body", key))) {
    await client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: call.endedAt ?? call.startedAt, hs_note_body: noteBody(call, callUrl, key, corrected) },
      associations: toContact(ASSOCIATION.noteToContact),
    });
  }
  const task = call.callbackAt !== null && !corrected;
  if (call.callbackAt && !corrected && !(await hasMarked(client, "tasks", "hs_task_body", key))) {
    await client.crm.objects.tasks.basicApi.create({
      properties: {
        hs_timestamp: call.callbackAt,
        hs_task_subject: `Call back ${call.customer.name ?? phone}`,
        hs_task_body: `${escapeHtml(call.nextAction ?? "Call back as agreed.")} <a href="${callUrl}">Open the call</a> ${marker(key)}`,
        hs_task_status: "NOT_STARTED",
        hs_task_priority: call.isHot ? "HIGH" : "MEDIUM",
        hs_task_type: "CALL",
      },
      associations: toContact(ASSOCIATION.taskToContact),
    });
  }
  return { ok: true, status: 200, excerpt: `Contact ${contactId}${status ? `, lead status ${status}` : ""}, note${task ? " and task" : ""} added.` };
}

/** HubSpot's errors carry the status, body and headers; anything else never got an answer. */
function failure(e: unknown): SendResult {
  const err = e as { code?: number; body?: unknown; headers?: Record<string, string>; message?: string };
  if (typeof err.code === "number" && err.code >= 100) {
    const body = typeof err.body === "string" ? err.body : JSON.stringify(err.body ?? "");
    return { ok: false, status: err.code, excerpt: excerpt(body), retryAfterSec: retryAfterSeconds(err.headers?.["retry-after"]) };
  }
  return { ok: false, status: null, excerpt: excerpt(err.message ?? String(e)), permanent: e instanceof OutboundRefused };
}

export async function sendHubSpot(config: HubSpotConfig, input: SendInput): Promise<SendResult> {
  const client = hubspotClient(config.accessToken);
  try {
    const { event } = input;
    if (event.type === "source.alert" || event.type === "metric.alert")
      return { ok: true, skipped: "HubSpot takes calls, not alerts.", status: null, excerpt: "" };
    // A test checks the token and the scopes without writing to the CRM.
    if (event.type === "call.test") {
      await client.crm.contacts.searchApi.doSearch({ limit: 1, properties: ["phone"], filterGroups: [] });
      return { ok: true, status: 200, excerpt: "The token can read contacts." };
    }
    return await forwardCall(client, config, event.call, event.callUrl, input.key, event.type === "call.updated");
  } catch (e) {
    return failure(e);
  }
}
