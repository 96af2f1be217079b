import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { DomainError } from "@/lib/errors";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import { EncryptionKeyMissing } from "@/lib/security/encryption";
import { deleteSource, findSource, updateSource, type SourceRow } from "@/lib/sources/manage";
import { pollingInterval } from "@/lib/polling/interval";
import { applySettings, publicSettings, SettingsError, settingsInput } from "@/lib/sources/settings";

// One source's settings (admins). Secrets are write-only: a read says whether
// each is set; leaving one out of a change keeps the saved value.

function view(source: SourceRow) {
  const { id, slug, name, provider, enabled, defaultRegion, settings, recordingRetentionDays, transcriptRetentionDays } = source;
  return {
    id,
    slug,
    name,
    provider,
    enabled,
    defaultRegion,
    retention: { recordingDays: recordingRetentionDays, transcriptDays: transcriptRetentionDays },
    settings: publicSettings(settings),
  };
}

export const GET = apiRoute({ auth: "admin" }, async ({ params }) => view(await findSource(params.slug)));

const retentionDays = z.number().int().min(1, "Keep them at least one day, or leave the field empty to keep them for ever.").max(36_500).nullable();

const body = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
  defaultRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, "The phone region is a country's two capital letters, such as US.")
    .optional(),
  settings: settingsInput.optional(),
  /** Days after the call that recordings, and transcripts with raw payloads, are kept; null keeps them for ever. */
  retention: z
    .object({
      recordingDays: retentionDays,
      transcriptDays: retentionDays,
    })
    .partial()
    .optional(),
});

export const PATCH = apiRoute({ auth: "admin", body }, async ({ params, body, log, audit }) => {
  const source = await findSource(params.slug);
  let settings;
  try {
    settings = body.settings ? applySettings(source.provider, source.settings, body.settings) : undefined;
  } catch (e) {
    if (e instanceof SettingsError) throw new DomainError("invalid", "Invalid settings", e.message, { errors: e.errors });
    if (e instanceof EncryptionKeyMissing) throw new DomainError("unavailable", "Secrets cannot be stored", e.message);
    throw e;
  }
  const updated = await updateSource(source.id, {
    name: body.name,
    enabled: body.enabled,
    defaultRegion: body.defaultRegion,
    settings,
    recordingRetentionDays: body.retention?.recordingDays,
    transcriptRetentionDays: body.retention?.transcriptDays,
  });
  log.info({ source: updated.slug, changed: Object.keys(body) }, "source updated");
  await audit({ action: "source.update", target: { type: "source", id: updated.slug, name: updated.name }, before: view(source), after: view(updated) });
  // A source polled on a schedule starts now, not at the next minute.
  const interval = updated.enabled && body.settings?.polling ? pollingInterval(updated.provider, updated.settings) : null;
  if (interval) await enqueue(QUEUE.poll, { sourceId: updated.id }, { key: updated.id });
  return view(updated);
});

// Deletes a source that brought no calls; one with calls is to be disabled instead.
export const DELETE = apiRoute({ auth: "admin" }, async ({ params, audit }) => {
  const removed = await deleteSource(params.slug);
  await audit({ action: "source.delete", target: { type: "source", id: removed.slug, name: removed.name }, before: removed });
  return { deleted: removed.slug };
});
