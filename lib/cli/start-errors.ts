import { statfsSync } from "node:fs";
import path from "node:path";
import { EmbeddedPostgresError, type EmbeddedProblem, NO_SPACE } from "../db/embedded-problem";

// What npm start says when it cannot start for a reason its user can act on:
// one sentence that says what to do, no stack trace. Other failures keep
// their detail.

/** A path as the user would type it: relative when inside the project. */
export function shown(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : p;
}

export const portTaken = (port: number, variable: string) =>
  `Port ${port} is already in use, by another program or another npm start: stop that, or set ${variable} to a free port.`;

export const diskFull = (dir: string) =>
  `The disk holding ${shown(dir)} is full: free some space there and run npm start again (the data already saved is intact).`;

function sentence(p: EmbeddedProblem): string {
  switch (p.kind) {
    case "port-taken":
      return portTaken(p.port, "EMBEDDED_PG_PORT");
    case "disk-full":
      return diskFull(p.dir);
    case "other-major":
      return `${shown(p.dir)} holds a PostgreSQL ${p.found} database, which the embedded PostgreSQL ${p.shipped} cannot open, so it was left untouched: dump it with PostgreSQL ${p.found} (pg_dumpall) and move the directory away for npm start to create a new one, or set DATABASE_URL to a PostgreSQL ${p.found} server.`;
    case "not-empty":
      return `${shown(p.dir)} holds files but no PostgreSQL database, so it was left untouched: set EMBEDDED_PG_DATA to an empty or new directory, or move those files away.`;
    case "already-running":
      return `Another PostgreSQL${p.pid ? ` (pid ${p.pid})` : ""} is already running on ${shown(p.dir)}, probably from an earlier npm start: stop it, then run npm start again.`;
    case "no-postgres-user":
      return `PostgreSQL will not run as root, and npm start could not create the user postgres to run it as (${p.reason}): create that user, run npm start as another user, or set DATABASE_URL to your own PostgreSQL.`;
    case "data-unreachable":
      return `${shown(p.dir)} holds the database, but PostgreSQL runs as the user postgres, who cannot enter it: move it to ${p.movedTo} (npm start looks there too), or let that user through the directories above it.`;
    case "no-reachable-place":
      return `PostgreSQL runs as the user postgres, who cannot enter ${shown(p.dir)}, and npm start could not prepare ${p.place} for it instead (${p.reason}): move the project where that user can enter, or set DATABASE_URL to your own PostgreSQL.`;
  }
}

/** The error and its causes (Prisma and the schema engine wrap the driver's). */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    yield e as Record<string, unknown>;
  }
}

function almostFull(dir: string): boolean {
  try {
    const { bavail, bsize } = statfsSync(dir);
    return bavail * bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

/** The one sentence for a failure the user can act on, or null. `db`: the embedded server, when one was started. */
export function explain(error: unknown, db?: { dataDir: string; log(): string } | null): string | null {
  if (error instanceof EmbeddedPostgresError) return sentence(error.problem);
  const databaseDir = db?.dataDir ?? "the database server's data directory";
  for (const e of chain(error)) {
    if (e.code === "ENOSPC") return diskFull(typeof e.path === "string" ? path.dirname(e.path) : process.cwd());
    // 53100: PostgreSQL's disk_full.
    if (e.code === "53100" || e.originalCode === "53100" || (typeof e.message === "string" && NO_SPACE.test(e.message))) return diskFull(databaseDir);
  }
  // The server may have died of it (a failed WAL write), leaving the client only a broken connection.
  if (db && NO_SPACE.test(db.log())) return diskFull(db.dataDir);
  for (const dir of [db?.dataDir, process.cwd()]) if (dir && almostFull(dir)) return diskFull(dir);
  return null;
}
