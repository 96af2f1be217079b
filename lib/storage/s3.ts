import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { StorageSettings } from "./settings";

// HubTalk sends an S3 object key, not a URL. A short-lived presigned GET
// (made by the AWS SDK with the source's storage settings) turns it into one;
// the recording route then streams it like any other vendor URL.

export const PRESIGN_SECONDS = 120;

export function presignedObjectUrl(storage: StorageSettings, key: string, expiresIn = PRESIGN_SECONDS): Promise<string> {
  const client = new S3Client({
    region: storage.region,
    endpoint: storage.endpoint,
    forcePathStyle: storage.forcePathStyle,
    credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey },
  });
  return getSignedUrl(client, new GetObjectCommand({ Bucket: storage.bucket, Key: key.replace(/^\/+/, "") }), { expiresIn });
}

/** S3 explains refusals in an XML body: <Code>NoSuchKey</Code>, <Code>AccessDenied</Code>… */
export async function s3ErrorCode(response: Response): Promise<string | null> {
  const text = await response.text().catch(() => "");
  return /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? null;
}
