// Every save adds to the day's rollup rows, and a row being added to stays
// locked until its transaction commits. One row per key made all saves of a
// busy key (today's calls of a vendor, of a tracker) wait for each other's
// commit in turn: bench:ingest found half its latency there. Each key is
// therefore striped over a few rows, one per connection's shard, which
// readers add up (they sum rows of many days already); days that no longer
// take many calls are folded back into shard 0 by maintenance.

export const ROLLUP_SHARDS = 16;

/** SQL: the shard of this database connection, so that saves on different connections write different rows. */
export const SHARD_SQL = `(pg_backend_pid() % ${ROLLUP_SHARDS})::smallint`;

/** The columns of a rollup's primary key, for ON CONFLICT. */
export const conflictKey = (rollup: { columns: string[] }) => ["day", ...rollup.columns, "shard"].join(", ");
