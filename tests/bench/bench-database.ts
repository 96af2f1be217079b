import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { freePort } from "../support/stack";

/**
 * Runs a benchmark against a fresh embedded Postgres, migrated and
 * bootstrapped (sources, an admin), with DATABASE_URL pointing at it; removes
 * it afterwards.
 */
export async function withBenchDatabase(name: string, run: (url: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `calls-bench-${name}-`));
  await chmod(dir, 0o755); // Postgres runs as its own user when started by root.
  const embedded = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: await freePort(), database: `${name}_bench` });
  try {
    await applyMigrations(embedded.url);
    process.env.DATABASE_URL = embedded.url;
    const { bootstrap } = await import("@/lib/bootstrap");
    await bootstrap({ WEBHOOK_SECRET: "bench", ADMIN_PASSWORD: "bench", BOOTSTRAP_API_KEY: "ck_bench" });
    await run(embedded.url);
  } finally {
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
