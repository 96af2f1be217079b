import { randomUUID } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// Tells this process when any process changed rows it keeps a copy of (the
// webhook sources, the destinations, the organisation's time zone), so that a
// copy can be used without asking the database on every request. A trigger on
// those tables (migrations config_changed_notify, settings_changed_notify)
// sends NOTIFY config_changed with the table's name when the change commits;
// one connection per process listens. While it is not listening (starting, or
// its connection lost) copies are not trusted, and when it listens again every
// copy counts as changed: notices may have been missed.

const CHANNEL = "config_changed";
const RETRY_MS = 1000;
/**
 * A connection can die without a word (a failover to another address, a NAT
 * forgetting it) or never hear a notice (a pooler in transaction mode): every
 * HEARTBEAT_MS the listener notifies itself, and a notice not back within
 * HEARD_WITHIN_MS counts as the connection lost.
 */
const HEARTBEAT_MS = 15_000;
const HEARD_WITHIN_MS = 5_000;
const HEARTBEAT = "heartbeat:";
/** However all this fares, no copy is used for longer than this before it is read again. */
export const COPY_MAX_AGE_MS = 60_000;

/** The tables whose changes are announced (migrations config_changed_notify, settings_changed_notify). */
export type CopiedTable = "sources" | "destinations" | "settings";

/** A table's name, or null: anything may have changed. */
type Handler = (table: string | null) => void;

interface State {
  handlers: Set<Handler>;
  listening: boolean;
  started: boolean;
  /** The process is closing its connections: no listening again. */
  stopped?: boolean;
  /** Ends the current listening connection, quietly. */
  close?: () => Promise<void>;
}

// One for all the bundles Next.js makes of this module.
const state: State = ((globalThis as unknown as { configChanges?: State }).configChanges ??= { handlers: new Set(), listening: false, started: false });

const emit = (table: string | null) => state.handlers.forEach((handler) => handler(table));

/** Calls `handler` on each change, and with null whenever notices may have been missed. */
export function onConfigChange(handler: Handler): void {
  state.handlers.add(handler);
}

/**
 * A change this process just committed: its own copies drop at once, before
 * the notice comes back (other processes hear it a moment later).
 */
export function changedHere(table: CopiedTable): void {
  emit(table);
}

/** Whether a change made now will be heard: only then may a copy read from now on be trusted. */
export const listeningForChanges = (): boolean => state.listening;

/**
 * What `load` reads from `table`, kept while no change to it is heard and
 * read again after one (or while this process is not listening).
 */
export function cachedUntilChanged<T>(table: CopiedTable, load: () => Promise<T>): () => Promise<T> {
  let generation = 0;
  let copy: { value: T; generation: number; at: number } | null = null;
  onConfigChange((changed) => {
    if (changed === null || changed === table) generation++;
  });
  return async () => {
    startChangeListener();
    if (copy && copy.generation === generation && listeningForChanges() && Date.now() - copy.at <= COPY_MAX_AGE_MS) return copy.value;
    const readAt = generation;
    const at = Date.now();
    const value = await load();
    copy = { value, generation: readAt, at };
    return value;
  };
}

/** Starts this process's listener (once; it reconnects by itself). */
export function startChangeListener(): void {
  if (state.started) return;
  state.started = true;
  void listen();
}

/** Stops listening for good, without a warning: the process is closing its connections (lib/db/pool.ts endPools). */
export async function stopChangeListener(): Promise<void> {
  state.stopped = true;
  await state.close?.();
}

async function listen(): Promise<void> {
  if (state.stopped) return;
  const client = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 5000, keepAlive: true });
  let closed = false;
  let heartbeat: NodeJS.Timeout | undefined;
  let awaited: { token: string; timer: NodeJS.Timeout } | null = null;
  state.close = () => {
    closed = true;
    clearInterval(heartbeat);
    if (awaited) clearTimeout(awaited.timer);
    state.listening = false;
    return client.end().catch(() => {});
  };
  const lost = (err?: Error) => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    if (awaited) clearTimeout(awaited.timer);
    if (state.listening)
      logger.warn(
        { err: err?.message },
        "stopped listening for changes to sources, destinations and settings; reading them per request until it listens again",
      );
    state.listening = false;
    emit(null);
    client.end().catch(() => {});
    setTimeout(() => void listen(), RETRY_MS).unref();
  };
  client.on("error", lost);
  client.on("end", () => lost());
  client.on("notification", ({ payload }) => {
    if (!payload?.startsWith(HEARTBEAT)) return emit(payload || null);
    // Every listener hears every process's heartbeat; only its own answers it.
    if (awaited && payload === HEARTBEAT + awaited.token) {
      clearTimeout(awaited.timer);
      awaited = null;
    }
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  } catch (e) {
    lost(e as Error);
    return;
  }
  // The connection may have failed in the same breath as it answered.
  if (closed) return;
  // What was copied before this moment may have changed unheard.
  emit(null);
  state.listening = true;
  heartbeat = setInterval(() => {
    if (awaited) return;
    const token = randomUUID();
    awaited = { token, timer: setTimeout(() => lost(new Error("its own notice did not come back")), HEARD_WITHIN_MS) };
    client.query("SELECT pg_notify($1, $2)", [CHANNEL, HEARTBEAT + token]).catch((e: Error) => lost(e));
  }, HEARTBEAT_MS);
  heartbeat.unref();
}
