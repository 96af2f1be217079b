import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { withScratchDatabase } from "@/lib/db/scratch-database";
import { applyMigrations, diffDatabaseToSchema } from "@/lib/db/schema-engine";
import { fixture } from "../support/fixtures";
import pg from "pg";
import { scenario } from "@/lib/demo/scenario";
import { samplePayload } from "@/lib/providers/modules";
import { compareRollupDrift } from "../support/compare-drift";
import { sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";
import { setCallId } from "../support/vendor-payloads";

describe("migrations", () => {
  it("bring a fresh database exactly to schema.prisma, and re-running applies nothing", async () => {
    await withScratchDatabase(inject("databaseUrl"), async (url) => {
      expect((await applyMigrations(url)).length).toBeGreaterThan(0);
      expect(await applyMigrations(url)).toEqual([]);
      const drift = await diffDatabaseToSchema(url);
      expect(drift.replace(/--.*$/gm, "").trim()).toBe("");
    });
  });

  it("move an Autocalls assistant number saved as the agent to the line, and leave named agents alone", async () => {
    const autocalls = fixture<Record<string, unknown>>("autocalls/campaign-call.json");
    const hooman = fixture<Record<string, unknown>>("hooman/default-object.json");
    const sent = [
      await sendWebhook("autocalls", { ...autocalls, id: uniq("old") }),
      await sendWebhook("hooman", { ...hooman, callInfo: { ...(hooman.callInfo as object), callSid: uniq("CA") } }),
    ];
    const [oldStyle, named] = await Promise.all(sent.map(async (r) => ((await r.json()) as WebhookAnswer).callId));
    // As an Autocalls call was saved before calls had a line: the number as the agent's id, no name.
    await sql(`UPDATE calls SET agent_id = line, agent_name = NULL, agent_name_raw = NULL, line = NULL WHERE id = $1`, [oldStyle]);
    const [before] = await sql<{ agent_id: string }>("SELECT agent_id FROM calls WHERE id = $1", [oldStyle]);
    const namedBefore = await sql("SELECT agent_id, agent_name, agent_name_raw, line FROM calls WHERE id = $1", [named]);

    await sql(await readFile("prisma/migrations/20261128150000_autocalls_line_backfill/migration.sql", "utf8"));

    expect(await sql("SELECT agent_id, agent_name, agent_name_raw, line FROM calls WHERE id = $1", [oldStyle])).toEqual([
      { agent_id: null, agent_name: null, agent_name_raw: null, line: before.agent_id },
    ]);
    expect(await sql("SELECT agent_id, agent_name, agent_name_raw, line FROM calls WHERE id = $1", [named])).toEqual(namedBefore);
  });

  it("work out past calls' talk time from their transcripts as saving does, and fill the Compare rollup from every call", async () => {
    // A connected call: its transcript has the vendor's turn times.
    const connected = Array.from({ length: 20 }, (_, n) => scenario(77, n)).find((s) => s.turns.length > 1)!;
    const payload = samplePayload("hooman", connected);
    const res = await sendWebhook("hooman", { ...payload, callInfo: { ...(payload.callInfo as object), callSid: uniq("CA") } });
    const { callId } = (await res.json()) as WebhookAnswer;
    const [saved] = await sql<{ agent_talk_ms: number | null; customer_talk_ms: number | null }>(
      "SELECT agent_talk_ms, customer_talk_ms FROM calls WHERE id = $1",
      [callId],
    );
    expect(saved.agent_talk_ms).toBeGreaterThan(0);
    const script = await readFile("prisma/migrations/20261129002730_compare_stats/migration.sql", "utf8");
    const afterCreate = script.slice(script.indexOf("-- Talk time by side"));
    // In one transaction, rolled back: as before the migration, without talk times or the rollup.
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("UPDATE calls SET agent_talk_ms = NULL, customer_talk_ms = NULL WHERE id = $1", [callId]);
      await client.query("DELETE FROM daily_compare_stats");
      await client.query(afterCreate);
      const { rows } = await client.query("SELECT agent_talk_ms, customer_talk_ms FROM calls WHERE id = $1", [callId]);
      expect(rows).toEqual([saved]);
      expect(await compareRollupDrift("UTC", async (text, values) => (await client.query<Record<string, unknown>>(text, values)).rows)).toEqual([]);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });

  it("store raw bodies and transcripts with LZ4 where the server has it, pglz elsewhere, and read them back as sent", async () => {
    const [{ lz4 }] = await sql<{ lz4: boolean }>("SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'");
    const columns = await sql<{ col: string; method: string }>(
      `SELECT attrelid::regclass || '.' || attname AS col, attcompression AS method FROM pg_attribute
       WHERE (attrelid, attname) IN (('raw_events'::regclass, 'body'), ('transcripts'::regclass, 'turns'), ('transcripts'::regclass, 'search_agent'))
       ORDER BY 1`,
    );
    expect(columns).toEqual(["raw_events.body", "transcripts.search_agent", "transcripts.turns"].map((col) => ({ col, method: lz4 ? "l" : "" })));

    // Long enough to be compressed (a value over about 2 KB).
    const connected = Array.from({ length: 50 }, (_, i) => i).find((i) => scenario(7, i).turns.length > 0)!;
    const payload = setCallId("hooman", samplePayload("hooman", scenario(7, connected, { extraTurns: 60 })), uniq("CA"));
    const body = JSON.stringify(payload);
    expect(body.length).toBeGreaterThan(8_000);
    const { eventId } = (await (await sendWebhook("hooman", body)).json()) as WebhookAnswer;
    const [stored] = await sql<{ body: Buffer; method: string }>("SELECT body, pg_column_compression(body) AS method FROM raw_events WHERE id = $1", [eventId]);
    expect(stored.method).toBe(lz4 ? "lz4" : "pglz");
    expect(stored.body.toString("utf8")).toBe(body);
  });
});
