import { randomUUID } from "node:crypto";
import { sql, uniq } from "./http";

// Metric alert tests: calls written straight into the table under a source of
// their own (deleted afterwards with its calls and events: never in the
// rollups), saved views and rules as rows. Rules are evaluated at moments far
// ahead of the clock, and are marked evaluated just before their first one:
// the app's own every-minute run (at the real time) never overtakes them.

export const MINUTE = 60_000;

/** A moment far ahead, on a whole minute: `days` apart for each test, so that their calls never share a window. */
export const future = (days: number) => new Date(Math.floor(Date.now() / MINUTE) * MINUTE + (400 + days) * 24 * 60 * MINUTE);

export const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

export interface SeedCall {
  at: Date;
  status?: string;
  sentiment?: string | null;
  outcome?: string | null;
  hot?: boolean;
  campaign?: string | null;
  isTest?: boolean;
  trackerId?: string;
}

export async function createAlertSource(): Promise<{ id: string; name: string }> {
  const name = uniq("alert-source");
  const [row] = await sql<{ id: string }>(
    `INSERT INTO sources (id, slug, name, provider, secret_hash, updated_at, created_at) VALUES (gen_random_uuid(), $1, $1, 'unpod', 'x', now(), now() - interval '3 years')
     RETURNING id`,
    [name],
  );
  return { id: row.id, name };
}

export const deleteAlertSource = (sourceId: string) => sql(`DELETE FROM sources WHERE id = $1`, [sourceId]);

/** Calls as the pipeline would have stored them (the fields the metrics read); their ids. */
export async function seedCalls(sourceId: string, calls: SeedCall[]): Promise<string[]> {
  const ids: string[] = [];
  for (const c of calls) {
    const id = randomUUID();
    await sql(
      `INSERT INTO calls (id, source_id, provider, external_id, status, started_at, event_at, content_hash, updated_at, sentiment, outcome, is_hot, lead_score, campaign, is_test)
       VALUES ($1::uuid, $2, 'unpod', $1::text, $3, $4, $4, 'h', now(), $5, $6, $7, $8, $9, $10)`,
      [
        id,
        sourceId,
        c.status ?? "completed",
        c.at,
        c.sentiment ?? null,
        c.outcome ?? null,
        c.hot ?? false,
        c.hot ? 90 : 40,
        c.campaign ?? null,
        c.isTest ?? false,
      ],
    );
    if (c.trackerId) {
      await sql(`INSERT INTO call_tracker_hits (call_id, tracker_id, hits, hit_count, started_at) VALUES ($1, $2, '[]', 1, $3)`, [id, c.trackerId, c.at]);
    }
    ids.push(id);
  }
  return ids;
}

/** n calls in one campaign at one moment. */
export const many = (n: number, call: SeedCall): SeedCall[] => Array.from({ length: n }, () => ({ ...call }));

export async function userId(email: string): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email]);
  return row.id;
}

export async function insertView(
  ownerId: string,
  query: string,
  opts: { shared?: boolean; name?: string; page?: string } = {},
): Promise<{ id: string; name: string }> {
  const name = opts.name ?? uniq("View");
  const [row] = await sql<{ id: string }>(
    `INSERT INTO saved_views (id, owner_id, name, page, query, shared, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING id`,
    [ownerId, name, opts.page ?? "calls", query, opts.shared ?? false],
  );
  return { id: row.id, name };
}

export interface RuleRow {
  ownerId: string;
  name?: string;
  viewId?: string | null;
  metric: string;
  trackerId?: string | null;
  sourceId?: string | null;
  windowMinutes?: number;
  comparison: string;
  threshold: number;
  minCount?: number;
  cooldownMinutes?: number;
  email?: boolean;
  destinationIds?: string[];
  /** Its first evaluation comes after this moment. */
  from: Date;
}

export async function insertRule(r: RuleRow): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO alert_rules (id, owner_id, name, view_id, metric, tracker_id, source_id, window_minutes, comparison, threshold, min_count, cooldown_minutes,
                              email, destination_ids, last_evaluated_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::uuid[], $14, now()) RETURNING id`,
    [
      r.ownerId,
      r.name ?? uniq("Rule"),
      r.viewId ?? null,
      r.metric,
      r.trackerId ?? null,
      r.sourceId ?? null,
      r.windowMinutes ?? 60,
      r.comparison,
      r.threshold,
      r.minCount ?? 10,
      r.cooldownMinutes ?? 60,
      r.email ?? false,
      r.destinationIds ?? [],
      new Date(r.from.getTime() - MINUTE),
    ],
  );
  return row.id;
}

export interface AlertRow {
  id: string;
  opened_at: Date;
  resolved_at: Date | null;
  value: number;
  previous: number | null;
  cleared_value: number | null;
  opened_mail_at: Date | null;
  cleared_mail_at: Date | null;
}

export const alertsOf = (ruleId: string) => sql<AlertRow>(`SELECT * FROM metric_alerts WHERE rule_id = $1 ORDER BY opened_at`, [ruleId]);

export const ruleState = async (ruleId: string) =>
  (
    await sql<{ last_value: number | null; last_detail: string | null; last_error: string | null }>(
      `SELECT last_value, last_detail, last_error FROM alert_rules WHERE id = $1`,
      [ruleId],
    )
  )[0];

export const deleteRules = (ids: string[]) => sql(`DELETE FROM alert_rules WHERE id = ANY($1::uuid[])`, [ids]);
