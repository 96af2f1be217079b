import { z } from "zod";

// Every environment variable the app reads, validated once.
const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  /** Largest webhook body accepted, in bytes. */
  WEBHOOK_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /**
   * Where webhooks are kept on disk while the database is away (files of each
   * app process; local disk, not shared between machines). Unset: a folder of
   * .data/spool for the database, so that two apps on one machine keep theirs apart.
   */
  SPOOL_DIR: z.string().min(1).optional(),
  /** Most bytes the spool directory holds; beyond it webhooks are refused (503) so the vendor retries. */
  SPOOL_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(512 * 1024 * 1024),
  /** Lead score at or above which a call is a hot lead. */
  LEAD_HOT_THRESHOLD: z.coerce.number().int().min(0).max(100).default(70),
  /** Region for phone numbers sent without a country code, when the source sets none. */
  DEFAULT_PHONE_REGION: z.string().length(2).default("US"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= schema.parse(process.env);
  return cached;
}
