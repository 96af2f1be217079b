// The sources as the last database reads saw them, so that a webhook can still
// be authenticated while the database is away (and then spooled). Kept short:
// a source not read for MAX_AGE is not trusted from an old copy (its secret may
// have been rotated, the source disabled): that webhook is refused with 503.

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

type Entry = WebhookSource & { seenAt: number };
const cache = ((globalThis as unknown as { webhookSources?: { bySlug: Map<string, Entry>; loadedAt: number } }).webhookSources ??= {
  bySlug: new Map<string, Entry>(),
  loadedAt: 0,
});

/** Every source, as just read: replaces the copy (a source deleted is forgotten). */
export function rememberSources(rows: Array<WebhookSource & { slug: string }>, now = Date.now()) {
  cache.bySlug = new Map(rows.map(({ slug, ...source }) => [slug, { ...source, seenAt: now }]));
  cache.loadedAt = now;
}

/** One source, as just read (null: no source has the slug). */
export function rememberSource(slug: string, source: WebhookSource | null, now = Date.now()) {
  if (source) cache.bySlug.set(slug, { ...source, seenAt: now });
  else cache.bySlug.delete(slug);
}

export const needsReload = (now = Date.now()) => now - cache.loadedAt > RELOAD_MS;

/** The remembered source, or undefined when no copy is recent enough to trust. */
export function recallSource(slug: string, now = Date.now()): WebhookSource | undefined {
  const entry = cache.bySlug.get(slug);
  return entry && now - entry.seenAt <= MAX_AGE_MS ? entry : undefined;
}
