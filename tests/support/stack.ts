import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildIfStale, generateClientIfStale } from "@/lib/cli/build-if-stale";
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { startApp, type AppOptions, type AppProcess } from "./app-process";
import { TEST_ADMIN, TEST_API_KEY, TEST_CRON_SECRET, TEST_MANAGER, TEST_SECRETS_KEY, TEST_WEBHOOK_SECRET } from "./credentials";

// A throwaway stack for tests and benchmarks: a real Postgres (embedded, or a
// new database on the server of TEST_DATABASE_URL), migrated and bootstrapped
// with known credentials, and the app's production build serving it.

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  /** Where the app keeps webhooks while its database is away. */
  spoolDir: string;
  /** Where the app keeps its archived recordings. */
  recordingsDir: string;
  stop(): Promise<void>;
  /** The environment the app runs with, for another process of it (tests/support/second-app.ts). */
  appEnv: Record<string, string>;
  /** The app's process (replaced by restartApp). */
  app: AppProcess;
  /** Starts the app again on its port (after app.kill), or another process beside it on a port of its own; with extra environment. */
  restartApp(opts?: Partial<Omit<AppOptions, "env">> & { env?: Record<string, string> }): Promise<AppProcess>;
  /** The embedded Postgres stopped and started again on its data (null with TEST_DATABASE_URL); start() when running does nothing. */
  database: { stop(): Promise<void>; start(): Promise<void> } | null;
}

/** Drops database `name` on the server of `adminUrl`, ending what is still connected to it (a benchmark's peer, a job's connection). */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startStack(opts: { appEnv?: Record<string, string>; quiet?: boolean } = {}): Promise<Stack> {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let app: AppProcess | null = null;
  const spoolDir = await mkdtemp(path.join(os.tmpdir(), "calls-test-spool-"));
  const recordingsDir = await mkdtemp(path.join(os.tmpdir(), "calls-test-recordings-"));
  /** The database made on TEST_DATABASE_URL's server: dropped at the end, or every run would leave one behind. */
  let madeOnServer: { adminUrl: string; name: string } | null = null;
  const stop = async () => {
    await app?.kill("SIGTERM");
    await embedded?.stop();
    await rm(spoolDir, { recursive: true, force: true });
    await rm(recordingsDir, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    // Elsewhere when, as root, the user postgres could not enter the temporary directory.
    if (embedded) await rm(embedded.dataDir, { recursive: true, force: true });
    // Last: a server gone away must not keep the temporary directories from being removed.
    if (madeOnServer) await dropDatabase(madeOnServer.adminUrl, madeOnServer.name);
  };

  try {
    let databaseUrl: string;
    let embeddedAt: { dir: string; port: number } | null = null;
    if (process.env.TEST_DATABASE_URL) {
      const url = new URL(process.env.TEST_DATABASE_URL);
      const name = `calls_test_${Date.now()}`;
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      await createDatabaseIfMissing(databaseUrl);
      madeOnServer = { adminUrl: process.env.TEST_DATABASE_URL, name };
    } else {
      dataDir = await mkdtemp(path.join(os.tmpdir(), "calls-test-pg-"));
      // As root, Postgres runs as its own OS user, who must be able to enter the directory.
      await chmod(dataDir, 0o755);
      embeddedAt = { dir: path.join(dataDir, "pg"), port: await freePort() };
      embedded = await startEmbeddedPostgres({ ...embeddedAt, database: "calls_test" });
      databaseUrl = embedded.url;
    }
    await applyMigrations(databaseUrl);

    process.env.DATABASE_URL = databaseUrl;
    const { bootstrap } = await import("@/lib/bootstrap");
    await bootstrap({
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      BOOTSTRAP_API_KEY: TEST_API_KEY,
    });
    const { db } = await import("@/lib/db/client");
    const { hash } = await import("@node-rs/argon2");
    await db.user.upsert({
      where: { email: TEST_MANAGER.email },
      create: { email: TEST_MANAGER.email, name: "Manager", role: "manager", passwordHash: await hash(TEST_MANAGER.password) },
      update: {},
    });
    // This process is done with the database; only the app (and test workers) talk to it from here.
    await db.$disconnect();
    await (await import("@/lib/db/pool")).endPools();

    generateClientIfStale();
    buildIfStale();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const appEnv = {
      ...process.env,
      HOST: "127.0.0.1",
      // Tests stand in for a reverse proxy, so that each can sign in from addresses of its own.
      TRUST_PROXY: "1",
      // Sign-in locks of 2, 4, 8… seconds instead of 1, 2, 4… minutes.
      SIGN_IN_LOCK_SECONDS: "2",
      // Fair-use limits low enough for a test to reach them.
      API_RATE_LIMIT: "1000",
      EXPORT_RATE_LIMIT: "5",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "test-session-secret-0123456789abcdef",
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // The test's stand-ins for vendors and their storage run on this machine, on random ports.
      OUTBOUND_ALLOW_HOSTS: "127.0.0.1:*",
      // Their stand-in Slack too (production accepts Slack's own hosts only).
      SLACK_WEBHOOK_TEST_HOSTS: "127.0.0.1:*",
      SECRETS_KEY: TEST_SECRETS_KEY,
      CRON_SECRET: TEST_CRON_SECRET,
      // Retries after 1, 2, 4… seconds instead of 30, 60, 120…
      JOB_RETRY_BASE_SECONDS: "1",
      SPOOL_DIR: spoolDir,
      RECORDINGS_DIR: recordingsDir,
      // Small enough for a test to send a recording past it.
      RECORDINGS_MAX_BYTES: String(2 * 1024 * 1024),
      ...opts.appEnv,
    };
    const appOptions = { env: appEnv, port, quiet: opts.quiet };
    app = await startApp(appOptions);
    let up = true;
    const database = embeddedAt && {
      stop: async () => {
        await embedded!.stop();
        up = false;
      },
      start: async () => {
        if (up) return;
        embedded = await startEmbeddedPostgres({ ...embeddedAt, database: "calls_test" });
        up = true;
      },
    };
    const restartApp: Stack["restartApp"] = async (more = {}) => {
      const started = await startApp({ ...appOptions, ...more, env: { ...appEnv, ...more.env } });
      if (!more.port || more.port === port) app = started;
      return started;
    };
    return {
      baseUrl,
      databaseUrl,
      spoolDir,
      recordingsDir,
      stop,
      appEnv: Object.fromEntries(Object.entries(appEnv).filter((e): e is [string, string] => e[1] !== undefined)),
      get app() {
        return app!;
      },
      restartApp,
      database,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
