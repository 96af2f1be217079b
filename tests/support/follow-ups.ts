import { randomUUID } from "node:crypto";
import { listFollowUps, type FollowUp } from "@/lib/follow-ups/query";
import { sql, uniq } from "./http";

// Calls written straight into the table with the fields that put them in the
// follow-up queue, under a source of their own, and the queue read back
// through the library.

export const HOUR = 3_600_000;

export interface Seed {
  name?: string;
  startedAt: Date;
  callbackAt?: Date | null;
  isHot?: boolean;
  nextAction?: string | null;
  isTest?: boolean;
  phone?: string;
}

/** A source for seeded calls; delete it afterwards and its calls go with it (no rollups), so other files' totals hold. */
export async function createFollowUpSource(): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO sources (id, slug, name, provider, secret_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, 'unpod', 'x', now()) RETURNING id`,
    [uniq("fu-source")],
  );
  return row.id;
}

export const deleteFollowUpSource = (sourceId: string) => sql(`DELETE FROM sources WHERE id = $1`, [sourceId]);

async function contactFor(phone: string): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO contacts (id, phone) VALUES (gen_random_uuid(), $1)
     ON CONFLICT (phone) DO UPDATE SET phone = excluded.phone RETURNING id`,
    [phone],
  );
  return row.id;
}

/** One call of the source's, as the pipeline would have stored it; its id. */
export async function seedCall(sourceId: string, s: Seed): Promise<string> {
  const id = randomUUID();
  const phone = s.phone ?? `+1415${Math.floor(1e6 + Math.random() * 8e6)}`;
  await sql(
    `INSERT INTO calls (id, source_id, provider, external_id, status, started_at, event_at, content_hash, updated_at,
                        contact_id, customer_phone, customer_name, summary, callback_at, is_hot, lead_score, next_action, is_test)
     VALUES ($1::uuid, $2, 'unpod', $1::text, 'completed', $3, $3, 'h', now(), $4, $5, $6, 'Asked about the annual plan', $7, $8, $9, $10, $11)`,
    [
      id,
      sourceId,
      s.startedAt,
      await contactFor(phone),
      phone,
      s.name ?? uniq("Customer"),
      s.callbackAt ?? null,
      s.isHot ?? false,
      s.isHot ? 90 : 45,
      s.nextAction ?? null,
      s.isTest ?? false,
    ],
  );
  return id;
}

/** Every page of a view, following nextCursor; the ids in order. */
export async function allPages(view: "open" | "snoozed" | "done", now: Date, limit = 7): Promise<FollowUp[]> {
  const items: FollowUp[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await listFollowUps({ view, assignee: "all", viewerId: null, cursor, limit, now });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}
