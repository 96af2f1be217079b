import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { assertSafeKey } from "./key";
import type { RecordingStore, StoredObject } from "./types";

// Recordings as objects of one S3 bucket (or an S3-compatible store). S3 puts
// are atomic by nature: an object is visible whole or not at all.

export interface S3StoreSettings {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Folder in the bucket, "" for none. */
  prefix: string;
  /** Unset: the SDK's default chain (AWS_* variables, the instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export class S3RecordingStore implements RecordingStore {
  readonly kind = "s3";
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly settings: S3StoreSettings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // Since 3.729 the SDK adds CRC32 checksum headers to every upload, which
      // several S3-compatible stores (older MinIO, B2, GCS) refuse. Uploads are
      // still checked: the body's SHA-256 is signed (x-amz-content-sha256) and S3 verifies it.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    this.prefix = settings.prefix.replace(/^\/+|\/+$/g, "");
  }

  private objectKey(key: string): string {
    assertSafeKey(key);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const Key = this.objectKey(key);
    await this.send("PutObject", key, () =>
      this.client.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key, Body: bytes, ContentType: contentType, ContentLength: bytes.length })),
    );
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<StoredObject | null> {
    const Key = this.objectKey(key);
    const Range = range ? `bytes=${range.start}-${range.end ?? ""}` : undefined;
    const answer = await this.send("GetObject", key, async () => {
      try {
        return await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key, Range }));
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    });
    if (!answer?.Body) return null;
    // "bytes 100-199/5000" for a range; a whole object has only its length.
    const part = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(answer.ContentRange ?? "");
    const size = part ? Number(part[3]) : (answer.ContentLength ?? 0);
    const [start, end] = part ? [Number(part[1]), Number(part[2])] : [0, size - 1];
    return { size, start, end, body: answer.Body.transformToWebStream() as ReadableStream<Uint8Array> };
  }

  async remove(key: string): Promise<void> {
    const Key = this.objectKey(key);
    await this.send("DeleteObject", key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key })));
  }

  /**
   * S3's refusals, said plainly and with the bucket and key: the SDK's own
   * message is often just the code, or empty for a bare 403.
   */
  private async send<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      const code = e instanceof S3ServiceException ? e.name : (e as Error).name;
      const status = e instanceof S3ServiceException ? ` (HTTP ${e.$metadata.httpStatusCode ?? "?"})` : "";
      const hint = /Signature|AccessKey|AccessDenied|Forbidden/.test(code) ? "; check RECORDINGS_S3_ACCESS_KEY_ID and RECORDINGS_S3_SECRET_ACCESS_KEY" : "";
      throw new Error(`Recording storage: ${operation} of ${key} in bucket ${this.settings.bucket} failed: ${code}${status}${hint}`, { cause: e });
    }
  }
}

// A missing bucket is a setting to fix, not an absent recording.
const isNotFound = (e: unknown) =>
  e instanceof S3ServiceException && e.name !== "NoSuchBucket" && (e.name === "NoSuchKey" || e.$metadata.httpStatusCode === 404);
