import { createServer, type IncomingMessage } from "node:http";
import { sendBytes } from "./audio-server";
import { amzDate, canonicalQuery, signature, verifyHeaderSigned } from "./s3-sigv4";

// A small S3-compatible store for tests, path-style /{bucket}/{key}: GET with a
// presigned query, and GET, PUT and DELETE signed in the Authorization header
// (as the AWS SDK sends them). AWS Signature Version 4 is checked here from
// the spec (./s3-sigv4.ts), not by the SDK that made it; also expiry, S3's XML
// errors and Range requests.

export const S3_CREDENTIALS = { accessKeyId: "AKIATESTRECORDINGS", secretAccessKey: "s3-test-secret-key-do-not-log" };

/** Null when the presigned URL is valid now; else S3's error code. */
export function verifyPresigned(method: string, rawUrl: string, host: string, secret: string, now = new Date()): string | null {
  const url = new URL(rawUrl, `http://${host}`);
  const q = url.searchParams;
  if (q.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256") return "AccessDenied";
  const [accessKey, day, region, service] = (q.get("X-Amz-Credential") ?? "").split("/");
  if (accessKey !== S3_CREDENTIALS.accessKeyId) return "InvalidAccessKeyId";
  const signedAt = amzDate(q.get("X-Amz-Date") ?? "");
  if (now.getTime() > signedAt.getTime() + Number(q.get("X-Amz-Expires")) * 1000) return "ExpiredRequest";

  const signedHeaders = q.get("X-Amz-SignedHeaders") ?? "";
  const headers = signedHeaders
    .split(";")
    .map((h) => `${h}:${h === "host" ? host : ""}\n`)
    .join("");
  const canonical = [method, url.pathname, canonicalQuery(q, "X-Amz-Signature"), headers, signedHeaders, "UNSIGNED-PAYLOAD"].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  return signature(secret, q.get("X-Amz-Date") ?? "", scope, canonical) === q.get("X-Amz-Signature") ? null : "SignatureDoesNotMatch";
}

const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `objects` is the bucket: preload it, and read what PUT left there. */
export async function startS3Server(bucket: string, objects: Record<string, Buffer>) {
  const requests: string[] = [];
  const types = new Map<string, string>();
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const fail = (status: number, code: string) => void res.writeHead(status, { "content-type": "application/xml" }).end(xmlError(code));
    void readBody(req).then((body) => {
      const presigned = new URL(req.url ?? "/", "http://x").searchParams.has("X-Amz-Signature");
      const failure = presigned
        ? verifyPresigned(req.method ?? "GET", req.url ?? "/", req.headers.host ?? "", S3_CREDENTIALS.secretAccessKey)
        : verifyHeaderSigned(req, body, S3_CREDENTIALS.accessKeyId, S3_CREDENTIALS.secretAccessKey);
      if (failure) return fail(failure === "NotImplemented" ? 501 : failure === "XAmzContentSHA256Mismatch" ? 400 : 403, failure);

      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const prefix = `/${bucket}/`;
      if (!path.startsWith(prefix)) return fail(404, "NoSuchBucket");
      const key = path.slice(prefix.length);
      if (req.method === "PUT" && !presigned) {
        objects[key] = body;
        types.set(key, req.headers["content-type"] ?? "binary/octet-stream");
        return void res.writeHead(200, { etag: '"abc"' }).end();
      }
      if (req.method === "DELETE" && !presigned) {
        delete objects[key];
        types.delete(key);
        return void res.writeHead(204).end();
      }
      if (req.method !== "GET") return fail(405, "MethodNotAllowed");
      const object = objects[key];
      if (!object) return fail(404, "NoSuchKey");
      sendBytes(req, res, object, { "content-type": types.get(key) ?? "audio/mpeg", etag: '"abc"' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    endpoint,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
