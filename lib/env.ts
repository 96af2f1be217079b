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
  /**
   * Where archived recordings are kept on local disk. Unset: a folder of
   * .data/recordings for the database, like the spool. Not used when
   * RECORDINGS_S3_BUCKET is set: the archive lives in one place for the whole app.
   */
  RECORDINGS_DIR: z.string().min(1).optional(),
  /** Largest recording archived, in bytes; a bigger one stays with its vendor. */
  RECORDINGS_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /** Archive recordings in this S3 bucket (or an S3-compatible store) instead of RECORDINGS_DIR. */
  RECORDINGS_S3_BUCKET: z.string().min(1).optional(),
  RECORDINGS_S3_REGION: z.string().min(1).default("us-east-1"),
  /** For S3-compatible stores (MinIO, R2); unset for AWS. */
  RECORDINGS_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Bucket in the path, not the host name (MinIO and most S3-compatible stores). Unset: true when an endpoint is given. */
  RECORDINGS_S3_FORCE_PATH_STYLE: z.stringbool().optional(),
  /** Put every key under this folder of the bucket, so that the bucket can hold other things too. */
  RECORDINGS_S3_PREFIX: z.string().optional(),
  /** Both or neither; unset: the AWS SDK's own chain (AWS_* variables, the instance or task role). */
  RECORDINGS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  RECORDINGS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Lead score at or above which a call is a hot lead. */
  LEAD_HOT_THRESHOLD: z.coerce.number().int().min(0).max(100).default(70),
  /**
   * Where digests and alert emails go out: smtp://user:password@host:587 (STARTTLS when the server offers it) or
   * smtps://…:465. Unset: email is off, and the settings offer Slack only.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of those emails. */
  MAIL_FROM: z.string().min(3).default("Call Analytics <no-reply@localhost>"),
  /** Turns on POST /api/bench/floor, the framework's floor that `npm run bench:ingest` measures the pipeline against. */
  BENCH_FLOOR: z.stringbool().default(false),
  /** Region for phone numbers sent without a country code, when the source sets none. */
  DEFAULT_PHONE_REGION: z.string().length(2).default("US"),
});

export type Env = z.infer<typeof schema>;

// Half a key pair would fall back to the SDK's chain and fail later, far from the setting.
const checked = schema.refine((e) => !e.RECORDINGS_S3_ACCESS_KEY_ID === !e.RECORDINGS_S3_SECRET_ACCESS_KEY, {
  message: "Set both RECORDINGS_S3_ACCESS_KEY_ID and RECORDINGS_S3_SECRET_ACCESS_KEY, or neither",
  path: ["RECORDINGS_S3_SECRET_ACCESS_KEY"],
});

let cached: Env | undefined;

export function env(): Env {
  cached ??= checked.parse(process.env);
  return cached;
}
