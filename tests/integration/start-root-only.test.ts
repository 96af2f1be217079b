import { rmSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildIfStale } from "@/lib/cli/build-if-stale";
import { PLACE, relocatedDataDir } from "@/lib/db/embedded-as-root";
import { rootOnlyCopy, type RootOnlyCopy } from "../support/root-only-copy";
import { freePort } from "../support/stack";
import { runStart, stackLines } from "../support/start-process";

// As root in a directory only root can enter, PostgreSQL (which runs as the
// user postgres) can reach neither its binaries in node_modules nor the data in
// .data/: npm start keeps both under /var/lib/call-analytics, and still serves
// the app with its demo data.

const project = path.resolve(import.meta.dirname, "../..");
const asRoot = process.getuid?.() === 0;
let copy: RootOnlyCopy;
let relocated: string;

beforeAll(() => {
  if (!asRoot) return;
  // The copy cannot build (Turbopack will not follow node_modules out of it): it gets this project's, current.
  buildIfStale();
  copy = rootOnlyCopy(project);
  relocated = relocatedDataDir(path.join(copy.app, ".data/postgres"));
}, 300_000);

afterAll(() => {
  if (!asRoot) return;
  rmSync(relocated, { recursive: true, force: true });
  copy.remove();
});

async function until(output: () => string, text: string, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 5; i++) {
    if (output().includes(text)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`npm start did not print "${text}" within ${seconds} s`);
}

async function countCalls(pgPort: number): Promise<number> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/calls` });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM calls")).rows[0].n);
  } finally {
    await client.end();
  }
}

it.skipIf(!asRoot)("npm start as root in a directory only root can enter serves the app with demo data, and keeps it", { timeout: 300_000 }, async () => {
  const port = await freePort();
  const pgPort = await freePort();
  const env = { PORT: String(port), HOST: "127.0.0.1", EMBEDDED_PG_PORT: String(pgPort), DEMO_CALLS: "30" };
  let health = 0;
  let calls = 0;
  const first = await runStart(
    copy.app,
    env,
    async (output) => {
      await until(output, "Listening on");
      health = (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
      calls = await countCalls(pgPort);
    },
    240,
  );
  expect(first.code, first.stdout + first.stderr).toBe(0);
  expect(stackLines(first.stdout + first.stderr)).toEqual([]);
  expect(first.stdout).toContain(`Embedded PostgreSQL running (data in ${relocated},`);
  expect(relocated.startsWith(`${PLACE}/data/`)).toBe(true);
  // The server's user owns its data, and only it.
  const owner = statSync(relocated);
  expect([owner.uid === 0, owner.mode & 0o777]).toEqual([false, 0o700]);
  expect(health).toBe(200);
  expect(calls).toBe(30);

  // Started again, it finds the same database.
  const second = await runStart(
    copy.app,
    env,
    async (output) => {
      await until(output, "Listening on");
      calls = await countCalls(pgPort);
    },
    240,
  );
  expect(second.code, second.stdout + second.stderr).toBe(0);
  expect(second.stdout).toContain("Database schema is up to date.");
  expect(second.stdout).not.toContain("demo calls");
  expect(calls).toBe(30);
});
