import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { relocatedDataDir } from "@/lib/db/embedded-as-root";
import { freePort } from "../support/stack";
import { runStart, snapshot, stackLines, type StartRun } from "../support/start-process";

// `npm start` that cannot start says why in one sentence, exits non-zero,
// shows no stack trace, and leaves the data it found as it was.

const project = path.resolve(import.meta.dirname, "../..");
const scratch: string[] = [];
const mounts: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "calls-start-"));
  // As root the server runs as the user postgres, who must get through.
  chmodSync(dir, 0o755);
  scratch.push(dir);
  return dir;
}

function listen(port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen({ port, host }, () => resolve(server));
    server.on("error", reject);
  });
}

/** The run's only output on stderr, one sentence, no trace. */
function expectOneSentence(run: StartRun, sentence: string) {
  expect(run.code).toBe(1);
  expect(run.stderr.trim()).toBe(sentence);
  expect(stackLines(run.stdout + run.stderr)).toEqual([]);
}

/** A small disk of its own (tmpfs): needs root. */
function mountDisk(size: string): string | null {
  const dir = tempDir();
  if (spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=755`, "tmpfs", dir], { stdio: "ignore" }).status !== 0) return null;
  mounts.push(dir);
  return dir;
}

function fill(dir: string): string {
  const file = path.join(dir, "filler");
  const fd = openSync(file, "w");
  const block = Buffer.alloc(1 << 20);
  try {
    for (;;) writeSync(fd, block);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
  } finally {
    closeSync(fd);
  }
  // The last partial block too.
  try {
    for (;;) writeFileSync(file, Buffer.alloc(4096), { flag: "a" });
  } catch {
    // ENOSPC: the disk is full, as wanted.
  }
  return file;
}

const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"], { stdio: "ignore" }).status === 0;

afterAll(() => {
  for (const dir of mounts) spawnSync("umount", [dir]);
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe("npm start on a taken port", () => {
  let cluster: string;
  beforeAll(async () => {
    cluster = path.join(tempDir(), "pg");
    const db = await startEmbeddedPostgres({ dir: cluster, port: await freePort(), database: "calls" });
    await db.stop();
  });

  it("of the app says so before starting anything", async () => {
    const port = await freePort();
    const taken = await listen(port);
    const data = path.join(tempDir(), "pg");
    try {
      const run = await runStart(project, { PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DATA: data });
      expectOneSentence(run, `Port ${port} is already in use, by another program or another npm start: stop that, or set PORT to a free port.`);
      expect(existsSync(data)).toBe(false);
    } finally {
      taken.close();
    }
  });

  it("of the embedded PostgreSQL says so and leaves its data alone", async () => {
    const pgPort = await freePort();
    const taken = await listen(pgPort, "127.0.0.1");
    const before = snapshot(cluster);
    try {
      const run = await runStart(project, { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_DATA: cluster });
      expectOneSentence(run, `Port ${pgPort} is already in use, by another program or another npm start: stop that, or set EMBEDDED_PG_PORT to a free port.`);
      expect(snapshot(cluster)).toEqual(before);
    } finally {
      taken.close();
    }
  });
});

it.skipIf(process.getuid?.() !== 0)("npm start as root on data the user postgres cannot reach says where to move it and changes nothing", async () => {
  const outer = tempDir();
  const data = path.join(outer, "pg");
  const db = await startEmbeddedPostgres({ dir: data, port: await freePort(), database: "calls" });
  await db.stop();
  const before = snapshot(data);
  chmodSync(outer, 0o700);
  try {
    const run = await runStart(project, { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DATA: data });
    expectOneSentence(
      run,
      `${data} holds the database, but PostgreSQL runs as the user postgres, who cannot enter it: move it to ${relocatedDataDir(data)} (npm start looks there too), or let that user through the directories above it.`,
    );
  } finally {
    chmodSync(outer, 0o755);
  }
  expect(snapshot(data)).toEqual(before);
});

it("npm start on the data of another PostgreSQL major says what to do and changes nothing", async () => {
  const data = path.join(tempDir(), "pg");
  mkdirSync(path.join(data, "base", "1"), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(data, "PG_VERSION"), "16\n");
  writeFileSync(path.join(data, "base", "1", "1259"), Buffer.alloc(8192, 7));
  const before = snapshot(data);
  const run = await runStart(project, { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DATA: data });
  expectOneSentence(
    run,
    `${data} holds a PostgreSQL 16 database, which the embedded PostgreSQL 18 cannot open, so it was left untouched: dump it with PostgreSQL 16 (pg_dumpall) and move the directory away for npm start to create a new one, or set DATABASE_URL to a PostgreSQL 16 server.`,
  );
  expect(snapshot(data)).toEqual(before);
});

it("npm start on a directory of other files (a mistyped EMBEDDED_PG_DATA) says so and changes nothing, owners included", async () => {
  const data = path.join(tempDir(), "someones-files");
  mkdirSync(path.join(data, "notes"), { recursive: true });
  writeFileSync(path.join(data, "notes", "todo.txt"), "call Ana back\n");
  const before = snapshot(data);
  const run = await runStart(project, { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DATA: data });
  expectOneSentence(
    run,
    `${data} holds files but no PostgreSQL database, so it was left untouched: set EMBEDDED_PG_DATA to an empty or new directory, or move those files away.`,
  );
  expect(snapshot(data)).toEqual(before);
});

describe.skipIf(!canMount)("npm start on a full disk", () => {
  it("at first start says so and leaves nothing half-made", async () => {
    const disk = mountDisk("20m")!;
    writeFileSync(path.join(disk, "keep.txt"), "mine");
    const kept = snapshot(disk);
    const data = path.join(disk, "pg");
    const run = await runStart(project, { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DATA: data });
    expectOneSentence(run, `The disk holding ${data} is full: free some space there and run npm start again (the data already saved is intact).`);
    expect(existsSync(path.join(data, "PG_VERSION"))).toBe(false);
    expect(snapshot(disk)).toEqual(kept);
  });

  it("with a database on it says so, and the database is whole once there is space again", async () => {
    const disk = mountDisk("80m")!;
    const data = path.join(disk, "pg");
    const port = await freePort();
    let db = await startEmbeddedPostgres({ dir: data, port, database: "calls" });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await client.end();
    await db.stop();
    const filler = fill(disk);
    const before = snapshot(data);

    const run = await runStart(project, { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(port), EMBEDDED_PG_DATA: data });
    expectOneSentence(run, `The disk holding ${data} is full: free some space there and run npm start again (the data already saved is intact).`);
    expect(snapshot(data)).toEqual(before);

    rmSync(filler);
    db = await startEmbeddedPostgres({ dir: data, port, database: "calls" });
    try {
      const again = new pg.Client({ connectionString: db.url });
      await again.connect();
      expect((await again.query("SELECT note FROM kept")).rows).toEqual([{ note: "still here" }]);
      await again.end();
    } finally {
      await db.stop();
    }
  });
});
