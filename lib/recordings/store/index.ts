import { resolve } from "node:path";
import { dataDirFor } from "@/lib/data-dir";
import { env, type Env } from "@/lib/env";
import { LocalRecordingStore } from "./local";
import { S3RecordingStore } from "./s3";
import type { RecordingStore } from "./types";

// Where the app keeps its own copy of every recording, so that it still plays
// after the vendor purges it: one place for the whole app, an S3 bucket when
// RECORDINGS_S3_BUCKET is set, else a directory on this machine.

export { contentKey } from "./key";
export type { RecordingStore, StoredObject } from "./types";

type RecordingsEnv = Pick<
  Env,
  | "DATABASE_URL"
  | "RECORDINGS_DIR"
  | "RECORDINGS_S3_BUCKET"
  | "RECORDINGS_S3_REGION"
  | "RECORDINGS_S3_ENDPOINT"
  | "RECORDINGS_S3_FORCE_PATH_STYLE"
  | "RECORDINGS_S3_PREFIX"
  | "RECORDINGS_S3_ACCESS_KEY_ID"
  | "RECORDINGS_S3_SECRET_ACCESS_KEY"
>;

/** RECORDINGS_DIR, or .data/recordings/<the database, hashed as for the spool>. */
export const recordingsDir = (e: Pick<Env, "DATABASE_URL" | "RECORDINGS_DIR">) =>
  e.RECORDINGS_DIR ? resolve(e.RECORDINGS_DIR) : dataDirFor("recordings", e.DATABASE_URL);

/** The store these settings name; the app uses recordingStore(), tests make their own. */
export function createRecordingStore(e: RecordingsEnv): RecordingStore {
  if (!e.RECORDINGS_S3_BUCKET) return new LocalRecordingStore(recordingsDir(e));
  const keyId = e.RECORDINGS_S3_ACCESS_KEY_ID;
  const secret = e.RECORDINGS_S3_SECRET_ACCESS_KEY;
  return new S3RecordingStore({
    bucket: e.RECORDINGS_S3_BUCKET,
    region: e.RECORDINGS_S3_REGION,
    endpoint: e.RECORDINGS_S3_ENDPOINT,
    // S3-compatible stores on their own host rarely have a host name per bucket.
    forcePathStyle: e.RECORDINGS_S3_FORCE_PATH_STYLE ?? Boolean(e.RECORDINGS_S3_ENDPOINT),
    prefix: e.RECORDINGS_S3_PREFIX ?? "",
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
  });
}

const globalForRecordings = globalThis as unknown as { recordingStore?: RecordingStore };

/** This process's store, one for all the bundles Next.js makes of this module. */
export function recordingStore(): RecordingStore {
  return (globalForRecordings.recordingStore ??= createRecordingStore(env()));
}
