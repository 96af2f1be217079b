import { createHash, createHmac } from "node:crypto";
import { createServer } from "node:http";
import { sendBytes } from "./audio-server";

// A small S3-compatible store for tests: path-style GET /{bucket}/{key} with a
// presigned query (AWS Signature Version 4, checked here from the spec, not by
// the SDK that made it), expiry, S3's XML errors and Range requests.

export const S3_CREDENTIALS = { accessKeyId: "AKIATESTRECORDINGS", secretAccessKey: "s3-test-secret-key-do-not-log" };

const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
const strictEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function amzDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : new Date(NaN);
}

/** Null when the presigned URL is valid now; else S3's error code. */
export function verifyPresigned(method: string, rawUrl: string, host: string, secret: string, now = new Date()): string | null {
  const url = new URL(rawUrl, `http://${host}`);
  const q = url.searchParams;
  if (q.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256") return "AccessDenied";
  const [accessKey, day, region, service] = (q.get("X-Amz-Credential") ?? "").split("/");
  if (accessKey !== S3_CREDENTIALS.accessKeyId) return "InvalidAccessKeyId";
  const signedAt = amzDate(q.get("X-Amz-Date") ?? "");
  if (now.getTime() > signedAt.getTime() + Number(q.get("X-Amz-Expires")) * 1000) return "ExpiredRequest";

  const pairs = [...q].filter(([k]) => k !== "X-Amz-Signature").map(([k, v]) => [strictEncode(k), strictEncode(v)]);
  pairs.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  const signedHeaders = q.get("X-Amz-SignedHeaders") ?? "";
  const headers = signedHeaders
    .split(";")
    .map((h) => `${h}:${h === "host" ? host : ""}\n`)
    .join("");
  const canonical = [method, url.pathname, pairs.map(([k, v]) => `${k}=${v}`).join("&"), headers, signedHeaders, "UNSIGNED-PAYLOAD"].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", q.get("X-Amz-Date"), scope, createHash("sha256").update(canonical).digest("hex")].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), "aws4_request");
  return hmac(key, toSign).toString("hex") === q.get("X-Amz-Signature") ? null : "SignatureDoesNotMatch";
}

const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;

export async function startS3Server(bucket: string, objects: Record<string, Buffer>) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const failure = verifyPresigned(req.method ?? "GET", req.url ?? "/", req.headers.host ?? "", S3_CREDENTIALS.secretAccessKey);
    if (failure) return void res.writeHead(403, { "content-type": "application/xml" }).end(xmlError(failure));
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const prefix = `/${bucket}/`;
    const object = path.startsWith(prefix) ? objects[path.slice(prefix.length)] : undefined;
    if (!object) return void res.writeHead(404, { "content-type": "application/xml" }).end(xmlError(path.startsWith(prefix) ? "NoSuchKey" : "NoSuchBucket"));
    sendBytes(req, res, object, { "content-type": "audio/mpeg", etag: '"abc"' });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    endpoint,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
