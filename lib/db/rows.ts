import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./client";
import { inTransaction, pool } from "./pool";

// Hand-written reads (Prisma `sql` templates) run through pg itself. Prisma's
// $queryRaw converts every value of every row on its way back: on a page of
// 51 calls that was milliseconds, most of the list's time (bench:queries).
// pg returns each column as its type parser reads it: bigint and numeric as
// strings, so the queries cast counts to int and decimals to float8, as they
// did for Prisma.

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

const DATE_OID = 1082;
/**
 * A calendar date (a rollup's day) as midnight UTC, as Prisma reads it: pg's own parser makes it local midnight,
 * another day's time on a server east or west of UTC.
 */
const types = new pg.TypeOverrides();
types.setTypeParser(DATE_OID, (value: string) => new Date(`${value}T00:00:00Z`));

/** The rows of `query`, on `client` (a transaction's) or the app's pool. */
export async function sqlRows<T extends object>(query: Prisma.Sql, client: Queryable = pool): Promise<T[]> {
  const { rows } = await client.query<T>({ text: query.text, values: query.values, types });
  return rows;
}

/**
 * The rows of `query`, prepared as `name` on each connection the first time it runs there: for a query whose text
 * never changes and whose planning is most of its time (a call's detail: 0.5 ms of planning, 0.3 of work).
 */
export async function preparedRows<T extends object>(name: string, query: Prisma.Sql): Promise<T[]> {
  const { rows } = await pool.query<T>({ name: preparedName(name, query.text), text: query.text, values: query.values, types });
  return rows;
}

/** Named after its text too: pg refuses a name it prepared for other text (code reloaded in development). */
const preparedNames = new Map<string, string>();
function preparedName(name: string, text: string): string {
  const key = `${name}\0${text}`;
  let prepared = preparedNames.get(key);
  if (!prepared) preparedNames.set(key, (prepared = `${name}-${createHash("sha1").update(text).digest("hex").slice(0, 12)}`));
  return prepared;
}

/**
 * The rows of `query` read without sequential scans (SET LOCAL, in a
 * transaction of its own): for reads the planner would otherwise send through
 * every row while an index has the few that match.
 */
export function sqlRowsFromIndexes<T extends object>(query: Prisma.Sql): Promise<T[]> {
  return inTransaction(async (client) => {
    // A page's read gives up after 5 s, as Prisma's transactions did, rather than hold its connection.
    await client.query("SET LOCAL enable_seqscan = off; SET LOCAL statement_timeout = 5000");
    return sqlRows<T>(query, client);
  });
}
