import type { Source } from "@/lib/db/columns";
import { listeningForChanges, onConfigChange, startChangeListener } from "@/lib/db/changes";
import { pool } from "@/lib/db/pool";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { databaseAnswered, databaseFailed, skippingDatabase } from "./database-state";
import { currentSource, readGeneration, recallSource, rememberSource, rememberSources, sourcesChanged, type WebhookSource } from "./source-cache";

// The source a webhook names: this process's copy while no change to sources
// was heard since it was read, else read from the database, or while the
// database is away from the copy of the last reads (./source-cache.ts).

const globalForWatch = globalThis as unknown as { watchingSources?: boolean };
function watchSources() {
  if (globalForWatch.watchingSources) return;
  globalForWatch.watchingSources = true;
  onConfigChange((table) => {
    if (table === null || table === "sources") sourcesChanged();
  });
  startChangeListener();
}

type Row = Pick<Source, "id" | "provider" | "defaultRegion" | "enabled" | "secretHash" | "previousSecretHash" | "previousSecretExpiresAt">;
const COLUMNS = `id, provider, default_region AS "defaultRegion", enabled, secret_hash AS "secretHash",
  previous_secret_hash AS "previousSecretHash", previous_secret_expires_at AS "previousSecretExpiresAt"`;

/** The source, null when no source has the slug, or "unknown" when the database is away and no recent copy says. */
export async function findWebhookSource(slug: string): Promise<WebhookSource | null | "unknown"> {
  watchSources();
  if (!skippingDatabase()) {
    const copy = listeningForChanges() ? currentSource(slug) : undefined;
    if (copy) return copy;
    try {
      const generation = readGeneration();
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM sources WHERE slug = $1`, [slug]);
      databaseAnswered();
      rememberSource(slug, rows[0] ?? null, generation);
      return rows[0] ?? null;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      databaseFailed();
    }
  }
  return recallSource(slug) ?? "unknown";
}

/** Reads every source into the copy (the drainer does, every few minutes while the database answers). */
export async function loadWebhookSources(): Promise<void> {
  const generation = readGeneration();
  const { rows } = await pool.query<Row & Pick<Source, "slug">>(`SELECT slug, ${COLUMNS} FROM sources`);
  rememberSources(rows, generation);
}

/** During a rotation's grace period the previous secret works too. */
export function secretHashes(source: WebhookSource, now = new Date()): string[] {
  const previous = source.previousSecretHash && source.previousSecretExpiresAt && source.previousSecretExpiresAt > now ? [source.previousSecretHash] : [];
  return [source.secretHash, ...previous];
}
