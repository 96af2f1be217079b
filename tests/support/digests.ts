import { DateTime } from "luxon";
import { jsonOf, sql } from "./http";
import type { Person } from "./people";
import { asUser } from "./session";

// A person's digest as they set it on the Account page, through its API.

export interface DigestBody {
  enabled?: boolean;
  frequency?: "daily" | "weekly";
  weekday?: number;
  sendAt?: string;
  viewIds?: string[];
  email?: boolean;
  slack?: { kind: "none" } | { kind: "destination"; destinationId: string } | { kind: "own"; webhookUrl?: string };
}

export const putDigest = (who: Person, body: DigestBody) =>
  asUser(who, "/api/account/digest", {
    method: "PUT",
    body: JSON.stringify({ enabled: true, frequency: "daily", sendAt: "08:00", email: true, slack: { kind: "none" }, ...body }),
  });

export async function saveDigest(who: Person, body: DigestBody): Promise<string> {
  const res = await putDigest(who, body);
  if (res.status !== 200) throw new Error(`saving the digest answered ${res.status}: ${await res.text()}`);
  const [row] = await sql<{ id: string }>("SELECT d.id FROM digest_subscriptions d JOIN users u ON u.id = d.user_id WHERE u.email = $1", [who.email]);
  return row.id;
}

export async function setOwnZone(who: Person, timeZone: string | null): Promise<void> {
  const res = await asUser(who, "/api/account/time-zone", { method: "PUT", body: JSON.stringify({ timeZone }) });
  if (res.status !== 200) throw new Error(`setting the time zone answered ${res.status}`);
}

/** A local time of day half a day away: no real maintenance round finds that slot due while a test runs. */
export const farSendAt = (zone: string) => DateTime.now().setZone(zone).plus({ hours: 12 }).toFormat("HH:mm");

export async function sendNow(who: Person): Promise<string> {
  return (await jsonOf<{ id: string }>(asUser(who, "/api/account/digest/send", { method: "POST" }))).id;
}

/** Waits until the send is no longer "sending". */
export async function settled(sendId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ status: string; error: string | null; email_sent_at: Date | null; slack_sent_at: Date | null }>(
      "SELECT status, error, email_sent_at, slack_sent_at FROM digest_sends WHERE id = $1",
      [sendId],
    );
    if (row && row.status !== "sending") return row;
    if (Date.now() > deadline) throw new Error(`digest send ${sendId} still ${row?.status ?? "missing"}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
