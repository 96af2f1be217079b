import { COPY_MAX_AGE_MS } from "@/lib/db/changes";

// The sources as the last database reads saw them. While this process listens
// for changes (lib/db/changes.ts), a copy read since the last change serves
// webhooks without a query. While the database is away, a copy still lets a
// webhook be authenticated (and then spooled), but not for long: a source not
// read for MAX_AGE is not trusted from an old copy (its secret may have been
// rotated, the source disabled): that webhook is refused with 503.

const MAX_AGE_MS = 15 * 60 * 1000;
/** How often the drainer reads every source, so that those that sent nothing lately are known too. */
const RELOAD_MS = 5 * 60 * 1000;

export interface WebhookSource {
  id: string;
  provider: string;
  defaultRegion: string;
  enabled: boolean;
  secretHash: string;
  previousSecretHash: string | null;
  previousSecretExpiresAt: Date | null;
}

/** `generation`: the count of changes heard before the read began; the copy is current while no change came since. */
type Entry = WebhookSource & { seenAt: number; generation: number };
interface Cache {
  bySlug: Map<string, Entry>;
  loadedAt: number;
  /** Bumped by every change to sources heard (or possibly missed). */
  generation: number;
}
const cache: Cache = ((globalThis as unknown as { webhookSources?: Cache }).webhookSources ??= { bySlug: new Map(), loadedAt: 0, generation: 0 });

/** Every change heard makes the copies read before it stale. */
export function sourcesChanged(): void {
  cache.generation++;
}

/** The generation to pass to rememberSource(s) for a read that starts now. */
export const readGeneration = (): number => cache.generation;

/** Every source, as read by a query that began at `generation`: replaces the copy (a source deleted is forgotten). */
export function rememberSources(rows: Array<WebhookSource & { slug: string }>, generation: number, now = Date.now()) {
  cache.bySlug = new Map(rows.map(({ slug, ...source }) => [slug, { ...source, seenAt: now, generation }]));
  cache.loadedAt = now;
}

/** One source, as read by a query that began at `generation` (null: no source has the slug). */
export function rememberSource(slug: string, source: WebhookSource | null, generation: number, now = Date.now()) {
  if (source) cache.bySlug.set(slug, { ...source, seenAt: now, generation });
  else cache.bySlug.delete(slug);
}

/** The copy when no change was heard since it was read, nor long ago; undefined otherwise (the caller must be listening for changes). */
export function currentSource(slug: string, now = Date.now()): WebhookSource | undefined {
  const entry = cache.bySlug.get(slug);
  return entry && entry.generation === cache.generation && now - entry.seenAt <= COPY_MAX_AGE_MS ? entry : undefined;
}

export const needsReload = (now = Date.now()) => now - cache.loadedAt > RELOAD_MS;

/** The remembered source, or undefined when no copy is recent enough to trust. */
export function recallSource(slug: string, now = Date.now()): WebhookSource | undefined {
  const entry = cache.bySlug.get(slug);
  return entry && now - entry.seenAt <= MAX_AGE_MS ? entry : undefined;
}
