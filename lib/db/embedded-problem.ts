// Failures of the embedded PostgreSQL that whoever started it can act on. The
// facts live here; the sentences npm start prints for them, in
// lib/cli/start-errors.ts.

/** How PostgreSQL reports a full disk: the system's message, or only its own hint (a short write). */
export const NO_SPACE = /No space left on device|Check free disk space/i;

export type EmbeddedProblem =
  | { kind: "port-taken"; port: number }
  | { kind: "other-major"; dir: string; found: string; shipped: number }
  | { kind: "disk-full"; dir: string }
  | { kind: "already-running"; dir: string; pid: number | null }
  /** The data directory has files but no database: never taken over, as a mistyped EMBEDDED_PG_DATA could name any directory. */
  | { kind: "not-empty"; dir: string }
  /** Root, and no OS user `postgres` to run the server as. */
  | { kind: "no-postgres-user"; reason: string }
  /** Root, and the data (already there) lies where the user `postgres` cannot enter. */
  | { kind: "data-unreachable"; dir: string; movedTo: string }
  /** Root, and no place the user `postgres` can reach could be prepared. */
  | { kind: "no-reachable-place"; dir: string; place: string; reason: string };

function describe(p: EmbeddedProblem): string {
  switch (p.kind) {
    case "port-taken":
      return `port ${p.port} is already in use`;
    case "other-major":
      return `${p.dir} holds PostgreSQL ${p.found} data, the embedded server is PostgreSQL ${p.shipped}`;
    case "disk-full":
      return `no space left on the disk holding ${p.dir}`;
    case "not-empty":
      return `${p.dir} is not empty and holds no PostgreSQL database`;
    case "already-running":
      return `another PostgreSQL${p.pid ? ` (pid ${p.pid})` : ""} is running on ${p.dir}`;
    case "no-postgres-user":
      return `running as root without an OS user postgres (${p.reason})`;
    case "data-unreachable":
      return `the user postgres cannot enter ${p.dir}`;
    case "no-reachable-place":
      return `the user postgres cannot enter ${p.dir}, and ${p.place} could not be prepared (${p.reason})`;
  }
}

export class EmbeddedPostgresError extends Error {
  constructor(readonly problem: EmbeddedProblem) {
    super(describe(problem));
    this.name = "EmbeddedPostgresError";
  }
}
