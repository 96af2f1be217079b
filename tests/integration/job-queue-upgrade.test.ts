import { spawn } from "node:child_process";
import pg from "pg";
import PgBoss10 from "pg-boss-10";
import { describe, expect, inject, it } from "vitest";
import { withScratchDatabase } from "@/lib/db/scratch-database";
import { applyMigrations } from "@/lib/db/schema-engine";
import { TEST_SECRETS_KEY } from "../support/credentials";

// A database that ran the app on pg-boss 10 (whose schema pg-boss 12 cannot
// migrate) keeps its waiting jobs when the app starts on pg-boss 12.

async function queueOnPgBoss10(url: string, later: Date): Promise<void> {
  const boss = new PgBoss10({ connectionString: url });
  await boss.start();
  await boss.createQueue("rescore", { name: "rescore", policy: "stately" });
  await boss.createQueue("delivery", { name: "delivery", policy: "stately" });
  await boss.send("rescore", {}, { singletonKey: "rescore", startAfter: later });
  await boss.send("delivery", { deliveryId: "d-1" }, { singletonKey: "d-1", startAfter: later });
  await boss.stop({ graceful: false, wait: true });
}

/** One worker process (`npm run worker`) on `url`, until it says its workers started. */
async function startAndStopWorker(url: string): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/worker.ts"], {
    env: { ...process.env, DATABASE_URL: url, SECRETS_KEY: TEST_SECRETS_KEY, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await expect.poll(() => out, { timeout: 30_000 }).toMatch(/job workers started|could not start/);
  child.kill("SIGTERM");
  await exited;
  return out;
}

describe("job queue upgrade from pg-boss 10", () => {
  it("moves waiting jobs, with their keys and times, into the new schema and drops the old one", async () => {
    await withScratchDatabase(inject("databaseUrl"), async (url) => {
      await applyMigrations(url);
      const later = new Date(Date.now() + 3600_000);
      await queueOnPgBoss10(url, later);

      const out = await startAndStopWorker(url);
      expect(out).toContain("job workers started");
      expect(out).toMatch(/"jobs":2.*moved to pg-boss 12/);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string; singleton_key: string; state: string; start_after: Date; data: object }>(
          "SELECT name, singleton_key, state::text, start_after, data FROM pgboss.job WHERE name IN ('rescore', 'delivery') ORDER BY name",
        );
        expect(rows.map((r) => [r.name, r.singleton_key, r.state])).toEqual([
          ["delivery", "d-1", "created"],
          ["rescore", "rescore", "created"],
        ]);
        expect(rows[0].data).toEqual({ deliveryId: "d-1" });
        for (const r of rows) expect(Math.abs(r.start_after.getTime() - later.getTime())).toBeLessThan(1000);
        const { rows: schemas } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'pgboss%' ORDER BY 1");
        expect(schemas.map((s) => s.nspname)).toEqual(["pgboss"]);
      } finally {
        await client.end();
      }

      // A second start finds nothing to move.
      expect(await startAndStopWorker(url)).not.toContain("moved to pg-boss 12");
    });
  });
});
