// Prisma's schema engine compiled to WebAssembly, so migrations run without the
// native engine that `prisma migrate` downloads (and cannot, offline or in
// air-gapped deployments). It writes the same `_prisma_migrations` table as
// `prisma migrate deploy`, so both stay interchangeable.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlDriverAdapter, type SqlQueryable } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

type EngineModule = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};
let enginePromise: Promise<EngineModule> | undefined;

/** Node 20 cannot import .wasm, so instantiate it by hand the way the glue expects. */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    // The engine reports Rust panics through this global; keep the message for the error.
    let panic = "";
    Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: { set_message: (m: string) => (panic = m) } });
    process.on("exit", () => panic && console.error(`schema engine panic: ${panic}`));
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(pathToFileURL(gluePath).href)) as EngineModule;
    const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return enginePromise;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
/** Result rows (passed through the adapter unchanged) -> indexes of their "char" columns. */
const charColumns = new WeakMap<unknown[], number[]>();

/**
 * The engine's introspection reads catalog columns of Postgres' one-byte
 * "char" type, which @prisma/adapter-pg refuses. The pool hands them to the
 * adapter as text and remembers where they were; the adapter wrapper below
 * then reports them as the Character type the engine expects.
 */
function poolReadingCharAsText(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const readCharAsText =
    <T>(query: (...args: unknown[]) => Promise<T>) =>
    async (...args: unknown[]) => {
      const result = await query(...args);
      for (const r of (Array.isArray(result) ? result : [result]) as (pg.QueryResult | undefined)[]) {
        const indexes = (r?.fields ?? []).flatMap((f, i) => (f.dataTypeID === PG_CHAR_OID ? [i] : []));
        if (!r || indexes.length === 0) continue;
        for (const i of indexes) r.fields[i].dataTypeID = PG_TEXT_OID;
        charColumns.set(r.rows, indexes);
      }
      return result;
    };
  // The adapter queries through the pool, and through checked-out clients in transactions.
  Object.assign(pool, { query: readCharAsText(pool.query.bind(pool) as never) });
  pool.on("connect", (client) => Object.assign(client, { query: readCharAsText(client.query.bind(client) as never) }));
  return pool;
}

function typingCharColumns<Q extends Pick<SqlQueryable, "queryRaw">>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function connectAdapter(pool: pg.Pool): Promise<SqlDriverAdapter> {
  const adapter = typingCharColumns(await new PrismaPg(pool).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolation) => typingCharColumns(await startTransaction(isolation));
  // The adapter would send a migration statement by statement, split at every ";", which cuts a trigger
  // function's body (or a comment with a ";") apart. Postgres takes the whole script as one simple query
  // and runs it as one transaction, so a migration that fails leaves nothing half done.
  const failed = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script) => {
    await pool.query(script).catch(failed);
  };
  return adapter;
}

export async function openSchemaEngine(connectionString: string): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const pool = poolReadingCharAsText(connectionString);
  const adapter = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(pool),
    connectToShadowDb: () => Promise.reject(new Error("shadow databases are not used here")),
  });
  const log = () => {};
  return SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, adapter);
}

export async function readMigrations(): Promise<MigrationList> {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies every migration not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await openSchemaEngine(connectionString);
  try {
    const migrationsList = await readMigrations();
    const out = await engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that would bring the connected database to schema.prisma; empty when in step. */
export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  const engine = await openSchemaEngine(connectionString);
  try {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const files = [{ path: SCHEMA_PATH, content: schema }];
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(SCHEMA_PATH) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
