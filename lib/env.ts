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
