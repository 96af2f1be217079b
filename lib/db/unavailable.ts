// Whether an error means the database cannot take a write now (stopped,
// restarting, failing over, unreachable, out of connections), as opposed to
// a fault in the query or the data. Webhooks go to the local spool on these.

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);

/** SQLSTATE classes and codes: connection exceptions, shutdowns, read-only during a failover, too many connections. */
const SQL_STATES = [/^08/, /^57P0[1-3]$/, /^25006$/, /^53300$/];

const MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /not queryable/i, /Cannot use a pool after calling end/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === "string" && (NETWORK_CODES.has(code) || SQL_STATES.some((re) => re.test(code)))) return true;
  if (MESSAGES.some((re) => re.test(error.message))) return true;
  // An AggregateError (several addresses refused) or a wrapped cause.
  const inner = (error as { errors?: unknown[] }).errors ?? [(error as { cause?: unknown }).cause];
  return inner.some((e) => e !== error && isDatabaseUnavailable(e));
}
