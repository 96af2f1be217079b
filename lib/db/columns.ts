import type {
  Call,
  Contact,
  DailyOutcomeStat,
  DailySourceStat,
  Delivery,
  Destination,
  RawEvent,
  RecordingArchive,
  Setting,
  Source,
  SourceAlert,
  Transcript,
} from "./generated/client";

// Row types for hand-written SQL (Prisma `sql` templates and pg), built from
// the models Prisma generates, so that they cannot drift from
// prisma/schema.prisma: renaming or retyping a column there fails the
// typecheck of every query that reads it. TypedSQL would check the SQL itself,
// but it needs a live database at generate time and cannot type the list
// queries, which are composed at run time.
//
// A column's name is worked out from its field's: the schema maps every
// camelCase field to its snake_case column. tests/unit/db-columns.test.ts
// fails on a field that breaks this.

/** A field's name as its column's: "startedAt" is "started_at". */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** A model's row as Postgres returns it: each field under its column's name. */
export type Columns<Model> = { [K in keyof Model as SnakeCase<K & string>]: Model[K] };

/**
 * Columns the app reads as a narrower type than the schema's (the shape kept
 * in a Json column, the values of a text column): the names still come from
 * the schema, the type (with `| null` where the column can be null) is the
 * caller's. Prisma types every Json column as nullable (it may hold JSON
 * null), so nullability cannot be taken from the model here.
 */
export type ColumnsAs<Cols, K extends keyof Cols, T> = { [P in K]: T };

/** Columns that can come back null even where the table's cannot (a grouping set, a subquery that finds nothing). */
export type Nullable<Row> = { [K in keyof Row]: Row[K] | null };

// The models themselves, for queries that alias columns back to field names (received_at AS "receivedAt").
export type { Call, Contact, DailyOutcomeStat, DailySourceStat, Delivery, Destination, RawEvent, RecordingArchive, Setting, Source, SourceAlert, Transcript };

export type CallColumns = Columns<Call>;
export type TranscriptColumns = Columns<Transcript>;
export type ContactColumns = Columns<Contact>;
export type RawEventColumns = Columns<RawEvent>;
export type SourceColumns = Columns<Source>;
export type SourceAlertColumns = Columns<SourceAlert>;
export type DestinationColumns = Columns<Destination>;
export type DeliveryColumns = Columns<Delivery>;
export type DailyOutcomeStatColumns = Columns<DailyOutcomeStat>;
export type DailySourceStatColumns = Columns<DailySourceStat>;
export type SettingColumns = Columns<Setting>;
export type RecordingArchiveColumns = Columns<RecordingArchive>;
