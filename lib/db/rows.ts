import type pg from "pg";
import type { Prisma } from "./client";
import { inTransaction, pool } from "./pool";

// Hand-written reads (Prisma `sql` templates) run through pg itself. Prisma's
// $queryRaw converts every value of every row on its way back: on a page of
// 51 calls that was milliseconds, most of the list's time (bench:queries).
// pg returns each column as its type parser reads it: bigint and numeric as
// strings, so the queries cast counts to int and decimals to float8, as they
// did for Prisma.

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** The rows of `query`, on `client` (a transaction's) or the app's pool. */
export async function sqlRows<T extends object>(query: Prisma.Sql, client: Queryable = pool): Promise<T[]> {
  const { rows } = await client.query<T>(query.text, query.values);
  return rows;
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
