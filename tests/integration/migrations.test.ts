import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { withScratchDatabase } from "@/lib/db/scratch-database";
import { applyMigrations, diffDatabaseToSchema } from "@/lib/db/schema-engine";
import { fixture } from "../support/fixtures";
import { sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";

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
});
