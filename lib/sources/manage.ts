import { changedHere } from "@/lib/db/changes";
import { db, type Prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { isProviderId } from "@/lib/providers/lookup";
import { newSecret, sha256 } from "@/lib/security/secrets";

// Connecting, rotating and removing sources. A webhook secret is shown once,
// when it is made; only its hash is kept. Rotating keeps the old secret
// working for a grace period, so the vendor's console can be updated without
// losing a call.

export const DEFAULT_GRACE_HOURS = 24;

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/[\s_]+/g, "-")
      .replace(/-+/g, "-")
      .slice(0, 40) || "source"
  );
}

async function freeSlug(wanted: string): Promise<string> {
  for (let i = 1; ; i++) {
    const slug = i === 1 ? wanted : `${wanted}-${i}`;
    if (!(await db.source.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

export async function createSource(input: { name: string; provider: string; slug?: string; defaultRegion?: string }) {
  if (!isProviderId(input.provider)) throw new DomainError("invalid", "Unknown vendor", `No adapter for "${input.provider}".`);
  const slug = input.slug ?? (await freeSlug(slugify(input.name)));
  if (input.slug && (await db.source.findUnique({ where: { slug }, select: { id: true } }))) {
    throw new DomainError("conflict", "Slug taken", `A source with the slug "${slug}" exists already.`);
  }
  const secret = newSecret("whsec_");
  const source = await db.source.create({
    data: { name: input.name, provider: input.provider, slug, secretHash: sha256(secret), defaultRegion: input.defaultRegion ?? "US" },
  });
  return { source, secret };
}

export async function rotateSecret(slug: string, graceHours = DEFAULT_GRACE_HOURS) {
  // The hash is omitted from reads unless asked for (lib/db/client).
  const source = await db.source.findUnique({ where: { slug }, select: { id: true, secretHash: true } });
  if (!source) throw new DomainError("not_found", "Not found", `No source has the slug "${slug}".`);
  const secret = newSecret("whsec_");
  const previousSecretExpiresAt = new Date(Date.now() + graceHours * 3_600_000);
  const updated = await db.source.update({
    where: { id: source.id },
    data: {
      secretHash: sha256(secret),
      previousSecretHash: graceHours > 0 ? source.secretHash : null,
      previousSecretExpiresAt: graceHours > 0 ? previousSecretExpiresAt : null,
    },
  });
  changedHere("sources");
  return { source: updated, secret, previousValidUntil: graceHours > 0 ? previousSecretExpiresAt : null };
}

/**
 * Deletes a source that brought no calls (a mistake, a test) with its raw
 * events. One with calls is disabled instead: deleting its calls would
 * rewrite past reports.
 */
export async function deleteSource(slug: string) {
  const source = await db.source.findUnique({
    where: { slug },
    // Test calls do not count: deleting the source deletes them with it.
    select: { id: true, name: true, slug: true, provider: true, _count: { select: { calls: { where: { isTest: false } } } } },
  });
  if (!source) throw new DomainError("not_found", "Not found", `No source has the slug "${slug}".`);
  if (source._count.calls > 0) {
    throw new DomainError(
      "conflict",
      "Source has calls",
      `${source.name} brought ${source._count.calls} calls; disable it instead, so past reports stay as they were.`,
    );
  }
  await db.source.delete({ where: { id: source.id } });
  changedHere("sources");
  return { id: source.id, name: source.name, slug: source.slug, provider: source.provider };
}

/** The source at `slug`, or null. */
export function sourceBySlug(slug: string) {
  return db.source.findUnique({ where: { slug } });
}

/** The source at `slug`; there being none is a not-found error. */
export async function findSource(slug: string) {
  const source = await sourceBySlug(slug);
  if (!source) throw new DomainError("not_found", "Not found", `No source has the slug "${slug}".`);
  return source;
}

export type SourceRow = Awaited<ReturnType<typeof findSource>>;

/** Changes a source's name, state, phone region or settings (already merged and sealed by applySettings). */
type SourceChange = Partial<Pick<SourceRow, "name" | "enabled" | "defaultRegion" | "recordingRetentionDays" | "transcriptRetentionDays">> & {
  settings?: Prisma.InputJsonObject;
};

export async function updateSource(id: string, { settings, ...data }: SourceChange) {
  const updated = await db.source.update({ where: { id }, data: { ...data, ...(settings ? { settings } : {}) } });
  changedHere("sources");
  return updated;
}
