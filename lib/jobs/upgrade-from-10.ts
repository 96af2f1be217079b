import pg from "pg";
import type { JobInsert } from "pg-boss";
import { logger } from "@/lib/log";
import { QUEUE } from "./queues";

// pg-boss 11 rebuilt its schema and, by its release notes, does not migrate
// 10's: "manually move jobs via the API or SQL". A database that ran this app
// on pg-boss 10 keeps its jobs that way: its old schema is renamed aside, the
// new one created, the jobs still waiting (or cut off while running) queued
// again with their data, key and time, and the old schema dropped. Job
// history (done and failed jobs) does not move. One process does this, under
// an advisory lock; the others find it done.

const OLD_SCHEMA = "pgboss_v10";
const FIRST_NEW_SCHEMA_VERSION = 25;
const LOCK_KEY = 0x63616c6c; // "call"
// The every-minute round is scheduled again at start; moving it would run it twice.
const MOVED_QUEUES: string[] = Object.values(QUEUE).filter((q) => q !== QUEUE.maintenance);

/** Where pg-boss 10's schema is: in its place, already set aside by a move that stopped half-way, or gone. */
async function pgBoss10Schema(client: pg.Client): Promise<"in place" | "aside" | null> {
  const { rows } = await client.query<{ current: boolean; aside: boolean }>(
    `SELECT to_regclass('pgboss.version') IS NOT NULL AS current, to_regclass('${OLD_SCHEMA}.job') IS NOT NULL AS aside`,
  );
  if (rows[0].aside) return "aside";
  if (!rows[0].current) return null;
  const { rows: versions } = await client.query<{ version: number }>("SELECT version FROM pgboss.version");
  return (versions[0]?.version ?? FIRST_NEW_SCHEMA_VERSION) < FIRST_NEW_SCHEMA_VERSION ? "in place" : null;
}

/**
 * When the database holds pg-boss 10's schema: moves it aside, calls
 * `startNew` with its waiting jobs by queue (to start pg-boss and insert them),
 * then drops it. Otherwise does nothing.
 */
export async function moveJobsFromPgBoss10(connectionString: string, startNew: (moved: Map<string, JobInsert[]>) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: "call-analytics-jobs-upgrade" });
  await client.connect();
  try {
    if (!(await pgBoss10Schema(client))) return;
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      const where = await pgBoss10Schema(client);
      if (!where) return;
      if (where === "in place") await client.query(`ALTER SCHEMA pgboss RENAME TO ${OLD_SCHEMA}`);
      const { rows } = await client.query<{ name: string; data: object | null; singleton_key: string | null; start_after: Date }>(
        `SELECT name, data, singleton_key, start_after FROM ${OLD_SCHEMA}.job
         WHERE state IN ('created', 'retry', 'active') AND name = ANY($1) ORDER BY created_on`,
        [MOVED_QUEUES],
      );
      const moved = new Map<string, JobInsert[]>();
      for (const r of rows) {
        const job: JobInsert = { data: r.data ?? {}, startAfter: r.start_after.toISOString(), ...(r.singleton_key ? { singletonKey: r.singleton_key } : {}) };
        moved.set(r.name, [...(moved.get(r.name) ?? []), job]);
      }
      await startNew(moved);
      await client.query(`DROP SCHEMA ${OLD_SCHEMA} CASCADE`);
      logger.info({ jobs: rows.length }, "job queue moved to pg-boss 12's schema");
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
