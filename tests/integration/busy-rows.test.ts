import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contactIdFor } from "@/lib/ingest/save-call";
import { foldRollupShards } from "@/lib/rollups/fold-shards";
import { compareAnswerSchema } from "@/lib/stats/compare-schema";
import { api, jsonOf, sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";

// Rows that every save of a busy key writes (a customer's contact, today's
// rollup rows) are written so that saves do not queue on them: a contact's id
// comes from its phone, so a call names it before its row is upserted at the
// end of the statement, and each rollup key is striped over shards that
// readers add up and maintenance folds back into one row.

const phoneDigits = () => `1718555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

function unpodCall(phone: string, name: string) {
  return {
    task_id: uniq("busy-task"),
    status: "completed",
    input: { name, contact_number: phone },
    output: { call_status: "completed", start_time: new Date().toISOString().replace("T", " ").replace("Z", ""), duration: 60 },
  };
}

async function send(body: unknown): Promise<string> {
  const res = await sendWebhook("unpod", body);
  expect(res.status).toBe(202);
  return (await jsonOf<WebhookAnswer>(res)).callId;
}

describe("busy rows", () => {
  it("links calls of a new phone that arrive at once to one contact, whose id comes from the phone", async () => {
    const phone = `+${phoneDigits()}`;
    const callIds = await Promise.all(Array.from({ length: 6 }, (_, i) => send(unpodCall(phone, `Caller ${i}`))));
    const contacts = await sql<{ id: string }>("SELECT id FROM contacts WHERE phone = $1", [phone]);
    expect(contacts).toEqual([{ id: contactIdFor(phone) }]);
    const linked = await sql<{ contact_id: string }>("SELECT DISTINCT contact_id FROM calls WHERE id = ANY($1::uuid[])", [callIds]);
    expect(linked).toEqual([{ contact_id: contactIdFor(phone) }]);
  });

  it("keeps linking a contact made before ids came from phones; its page names them as their newest call does", async () => {
    const phone = `+${phoneDigits()}`;
    const older = randomUUID();
    await sql("INSERT INTO contacts (id, phone) VALUES ($1, $2)", [older, phone]);
    const newest = await send(unpodCall(phone, "New Name"));
    // An older call arriving later renames no one.
    const late = unpodCall(phone, "Old Name");
    late.output.start_time = new Date(Date.now() - 86_400_000).toISOString().replace("T", " ").replace("Z", "");
    const old = await send(late);
    expect(await sql("SELECT DISTINCT contact_id FROM calls WHERE id = ANY($1::uuid[])", [[newest, old]])).toEqual([{ contact_id: older }]);
    const summary = await jsonOf<{ contact: { name: string; calls: unknown } }>(api(`/api/contacts/${older}`));
    expect(summary.contact).toMatchObject({ name: "New Name", calls: { count: 2, exact: true } });
  });

  it("folds a day's rollup shards into one row per key, and the Compare page's figures stay the same", async () => {
    // A day no other test has calls on; three shards of one key, as three connections' saves would leave them.
    const day = "2019-02-12";
    const value = uniq("busy-vendor");
    for (const [shard, calls, cost] of [
      [0, 2, "1.2500"],
      [5, 3, "0.5000"],
      [11, -1, "-0.2500"],
    ] as const) {
      await sql(
        `INSERT INTO daily_compare_stats (day, dimension, value, currency, shard, calls, connected, costed_calls, cost)
         VALUES ($1, 'provider', $2, 'USD', $3, $4, $4, $4, $5)`,
        [day, value, shard, calls, cost],
      );
    }
    const figures = async () => {
      const answer = compareAnswerSchema.parse(await jsonOf(api(`/api/stats/compare?by=vendor&from=${day}&to=${day}`)));
      const row = answer.rows.find((r) => r.key === value)!;
      return { calls: row.calls, connected: row.connected, cost: row.cost };
    };
    const before = await figures();
    expect(before).toEqual({ calls: 4, connected: 4, cost: "1.5000" });

    await foldRollupShards();
    expect(await figures()).toEqual(before);
    expect(await sql("SELECT shard, calls, cost FROM daily_compare_stats WHERE value = $1", [value])).toEqual([{ shard: 0, calls: 4, cost: "1.5000" }]);
  });
});
