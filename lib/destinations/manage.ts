import { changedHere } from "@/lib/db/changes";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { db, type Prisma } from "@/lib/db/client";
import type { DeliveryColumns } from "@/lib/db/columns";
import { pool } from "@/lib/db/pool";
import { EncryptionKeyMissing } from "@/lib/security/encryption";
import { SettingsError } from "@/lib/security/sealed-settings";
import { publicConfig, sealConfig, withMadeSecret, type DestinationKind } from "./config";
import type { destinationChange, destinationInput } from "./input";
import { readRules, rulesSchema } from "./rules";

// Destinations as admins manage them. Reads never include a secret: the
// config says only whether each is set. A secret the kind makes itself (a
// webhook's signing secret) is made here and shown once, like a source's.

type Row = Prisma.DestinationGetPayload<object>;

export interface DestinationView {
  id: string;
  kind: DestinationKind;
  name: string;
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  config: Record<string, unknown>;
  rules: z.infer<typeof rulesSchema>;
  createdAt: Date;
}

export function view(d: Row): DestinationView {
  const kind = d.kind as DestinationKind;
  return {
    id: d.id,
    kind,
    name: d.name,
    enabled: d.enabled,
    disabledReason: d.disabledReason,
    consecutiveFailures: d.consecutiveFailures,
    config: publicConfig(kind, d.config),
    rules: readRules(d.rules),
    createdAt: d.createdAt,
  };
}

function seal(kind: DestinationKind, input: Record<string, unknown>, saved?: unknown) {
  try {
    return sealConfig(kind, input, saved);
  } catch (e) {
    if (e instanceof SettingsError)
      throw new DomainError("invalid", "Invalid settings", e.message, { errors: e.errors.map((err) => ({ ...err, field: `config.${err.field}` })) });
    if (e instanceof EncryptionKeyMissing) throw new DomainError("unavailable", "Secrets cannot be stored", e.message);
    throw e;
  }
}

export async function findDestination(id: string): Promise<Row> {
  const d = z.uuid().safeParse(id).success ? await db.destination.findUnique({ where: { id } }) : null;
  if (!d) throw new DomainError("not_found", "Not found", `No destination has the id "${id}".`);
  return d;
}

/** Creates a destination; when its kind makes a secret left empty (a webhook's signing secret), also answers it (shown once). */
export async function createDestination(input: z.infer<typeof destinationInput>): Promise<{ destination: Row; secret?: string }> {
  const { config: entered, secret } = withMadeSecret(input.kind, input.config);
  const config = seal(input.kind, entered);
  const destination = await db.destination.create({
    data: { kind: input.kind, name: input.name, config, rules: rulesSchema.parse(input.rules) },
  });
  changedHere("destinations");
  return { destination, secret };
}

export async function updateDestination(id: string, change: z.infer<typeof destinationChange>): Promise<{ before: Row; after: Row }> {
  const before = await findDestination(id);
  const kind = before.kind as DestinationKind;
  const rules = change.rules ? (rulesSchema.parse({ ...readRules(before.rules), ...change.rules }) as Prisma.InputJsonObject) : undefined;
  const after = await db.destination.update({
    where: { id },
    data: {
      name: change.name,
      enabled: change.enabled,
      // Turning it back on starts with a clean slate.
      ...(change.enabled ? { disabledReason: null, consecutiveFailures: 0 } : {}),
      ...(change.config ? { config: seal(kind, change.config, before.config) } : {}),
      ...(rules ? { rules } : {}),
    },
  });
  changedHere("destinations");
  return { before, after };
}

export async function deleteDestination(id: string): Promise<Row> {
  const d = await findDestination(id);
  await db.destination.delete({ where: { id } });
  changedHere("destinations");
  return d;
}

export interface DeliveryCounts {
  delivered: number;
  failed: number;
  pending: number;
  lastDeliveredAt: Date | null;
}

/** Per destination: delivered and failed in the last 24 hours, pending now, and the last success. */
export async function deliveryCounts(): Promise<Map<string, DeliveryCounts>> {
  const { rows } = await pool.query<
    Pick<DeliveryColumns, "destination_id"> & { delivered: number; failed: number; pending: number; last_delivered_at: Date | null }
  >(
    `SELECT destination_id,
            count(*) FILTER (WHERE status = 'delivered' AND delivered_at > now() - interval '24 hours')::int AS delivered,
            count(*) FILTER (WHERE status = 'failed' AND created_at > now() - interval '24 hours')::int AS failed,
            count(*) FILTER (WHERE status = 'pending')::int AS pending,
            max(delivered_at) AS last_delivered_at
     FROM deliveries WHERE status = 'pending' OR created_at > now() - interval '7 days'
     GROUP BY destination_id`,
  );
  return new Map(rows.map((r) => [r.destination_id, { delivered: r.delivered, failed: r.failed, pending: r.pending, lastDeliveredAt: r.last_delivered_at }]));
}

export async function listDestinations(): Promise<Array<DestinationView & { counts: DeliveryCounts }>> {
  const [rows, counts] = await Promise.all([db.destination.findMany({ orderBy: { createdAt: "asc" } }), deliveryCounts()]);
  const none: DeliveryCounts = { delivered: 0, failed: 0, pending: 0, lastDeliveredAt: null };
  return rows.map((d) => ({ ...view(d), counts: counts.get(d.id) ?? none }));
}
