import { randomBytes } from "node:crypto";
import { readdir, rename, stat } from "node:fs/promises";
import { join } from "node:path";

// Spool files are named `<ms since epoch>-<pid>-<token>-<n>.spool`: sorting names
// sorts them by when they were started, so draining in name order keeps the
// arrival order. The token is this process's own (random per start), so a
// file whose pid is alive but whose token is not ours belongs to another live
// process, and a file of a process that is gone (crashed, killed, restarted,
// even under the same pid) is claimed by renaming it to our token: a rename
// is atomic, so of two processes claiming one file, one gets it.

const NAME = /^(\d{15})-(\d+)-([0-9a-f]{16})-\d+\.spool$/;

const globalForSpool = globalThis as unknown as { spoolToken?: string; spoolFiles?: number };
/** This process's token, shared by the modules that Next.js bundles separately (routes, instrumentation). */
export const processToken = (globalForSpool.spoolToken ??= randomBytes(8).toString("hex"));

/** A name of ours, unique in this process (n counts up), started at `at`. */
function ourName(at: number): string {
  const n = (globalForSpool.spoolFiles = (globalForSpool.spoolFiles ?? 0) + 1);
  return `${String(at).padStart(15, "0")}-${process.pid}-${processToken}-${n}.spool`;
}

export const newFileName = (now = Date.now()) => ourName(now);

export interface SpoolFile {
  path: string;
  name: string;
  startedAt: Date;
  pid: number;
  token: string;
}

function parse(dir: string, name: string): SpoolFile | null {
  const m = NAME.exec(name);
  return m ? { path: join(dir, name), name, startedAt: new Date(Number(m[1])), pid: Number(m[2]), token: m[3] } : null;
}

export async function listSpoolFiles(dir: string): Promise<SpoolFile[]> {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [];
    throw e;
  });
  return names
    .map((n) => parse(dir, n))
    .filter((f): f is SpoolFile => f !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a file was written by a process that is gone. */
export const orphaned = (file: SpoolFile) => file.token !== processToken && (file.pid === process.pid || !alive(file.pid));

/** Takes over an orphan's file (same start time, so the same place in the order); null when another process took it first. */
export async function claim(dir: string, file: SpoolFile): Promise<SpoolFile | null> {
  const taken = parse(dir, ourName(file.startedAt.getTime()))!;
  try {
    await rename(file.path, taken.path);
    return taken;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

export interface SpoolStats {
  files: number;
  bytes: number;
  /** When the oldest file still waiting was started. */
  oldestAt: Date | null;
}

/** What waits in the spool directory, all processes of this machine together. */
export async function spoolStats(dir: string): Promise<SpoolStats> {
  const files = await listSpoolFiles(dir);
  const sizes = await Promise.all(
    files.map((f) =>
      stat(f.path).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const waiting = files.filter((_, i) => sizes[i] > 0);
  return { files: waiting.length, bytes: sizes.reduce((a, b) => a + b, 0), oldestAt: waiting[0]?.startedAt ?? null };
}
