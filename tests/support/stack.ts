import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { buildIfStale, generateClientIfStale } from "@/lib/cli/build-if-stale";
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { TEST_ADMIN, TEST_API_KEY, TEST_CRON_SECRET, TEST_MANAGER, TEST_SECRETS_KEY, TEST_WEBHOOK_SECRET } from "./credentials";

// A throwaway stack for tests and benchmarks: a real Postgres (embedded, or a
// new database on the server of TEST_DATABASE_URL), migrated and bootstrapped
// with known credentials, and the app's production build serving it.

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
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

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not become healthy within 60 s");
}

export async function startStack(opts: { appEnv?: Record<string, string>; quiet?: boolean } = {}): Promise<Stack> {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let server: ChildProcess | null = null;
  const stop = async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    // Elsewhere when, as root, the user postgres could not enter the temporary directory.
    if (embedded) await rm(embedded.dataDir, { recursive: true, force: true });
  };

  try {
    let databaseUrl: string;
    if (process.env.TEST_DATABASE_URL) {
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/calls_test_${Date.now()}`;
      databaseUrl = url.toString();
      await createDatabaseIfMissing(databaseUrl);
    } else {
      dataDir = await mkdtemp(path.join(os.tmpdir(), "calls-test-pg-"));
      // As root, Postgres runs as its own OS user, who must be able to enter the directory.
      await chmod(dataDir, 0o755);
      embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, "pg"), port: await freePort(), database: "calls_test" });
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
    await (await import("@/lib/db/pool")).pool.end();

    generateClientIfStale();
    buildIfStale();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "lib/cli/serve.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
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
        ...opts.appEnv,
      },
      stdio: ["ignore", opts.quiet ? "ignore" : "inherit", "inherit"],
    });
    await waitForHealth(baseUrl, server);
    return { baseUrl, databaseUrl, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
