// Whether an error means the database cannot take a write now (stopped,
// restarting, failing over, unreachable, out of connections), as opposed to
// a fault in the query or the data. Webhooks go to the local spool on these.

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);

/** SQLSTATE classes and codes: connection exceptions, shutdowns, read-only during a failover, too many connections. */
const SQL_STATES = [/^08/, /^57P0[1-3]$/, /^25006$/, /^53300$/];

/** Prisma's: cannot reach, timed out, operations timed out, connection closed, no connection from the pool in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /not queryable/i,
  /Cannot use a pool after calling end/i,
];

/** Prisma's driver adapter's own words for the same (its error's `cause.kind`). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);

const codeSaysUnavailable = (code: unknown) =>
  typeof code === "string" && (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || SQL_STATES.some((re) => re.test(code)));

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  // Prisma's driver adapter passes pg's error on as a plain object: { kind, originalCode, … }.
  const { code, originalCode, kind, message, errors, cause, meta } = error as Record<string, unknown>;
  if (codeSaysUnavailable(code) || codeSaysUnavailable(originalCode)) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof message === "string" && MESSAGES.some((re) => re.test(message))) return true;
  // An AggregateError (several addresses refused), a wrapped cause, or Prisma's meta.driverAdapterError.
  const inner: unknown[] = [
    ...(Array.isArray(errors) ? (errors as unknown[]) : []),
    cause,
    (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError,
  ];
  return inner.some((e) => e !== error && isDatabaseUnavailable(e, depth + 1));
}
