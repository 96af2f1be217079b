import { createHash, createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";

// AWS Signature Version 4 as S3 checks it, written from the spec
// (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html),
// not taken from the SDK whose requests it judges.

export const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
const strictEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function amzDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : new Date(NaN);
}

/** The query, each name and value encoded once, sorted by name then value; `skip` leaves out the signature itself. */
export function canonicalQuery(q: URLSearchParams, skip?: string): string {
  const pairs = [...q].filter(([k]) => k !== skip).map(([k, v]) => [strictEncode(k), strictEncode(v)]);
  pairs.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

/** The signature over a canonical request, with the key derived from the secret for that day, region and service. */
export function signature(secret: string, amzDateValue: string, scope: string, canonicalRequest: string): string {
  const [day, region, service] = scope.split("/");
  const toSign = ["AWS4-HMAC-SHA256", amzDateValue, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), "aws4_request");
  return hmac(key, toSign).toString("hex");
}

const UNSIGNED = "UNSIGNED-PAYLOAD";
const SKEW_MS = 15 * 60 * 1000;

/**
 * Null when the Authorization header signs this request and its body; else S3's error code.
 * Only UNSIGNED-PAYLOAD or the body's SHA-256 are taken: the store's client sends no
 * aws-chunked bodies (lib/recordings/store/s3.ts asks for checksums only when required).
 */
export function verifyHeaderSigned(req: IncomingMessage, body: Buffer, accessKeyId: string, secret: string, now = new Date()): string | null {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8}\/[^/]+\/s3\/aws4_request), ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
    req.headers.authorization ?? "",
  );
  if (!auth) return "AccessDenied";
  const [, accessKey, scope, signedHeaders, given] = auth;
  if (accessKey !== accessKeyId) return "InvalidAccessKeyId";
  const date = String(req.headers["x-amz-date"] ?? "");
  if (!date.startsWith(scope.slice(0, 8)) || Math.abs(now.getTime() - amzDate(date).getTime()) > SKEW_MS) return "RequestTimeTooSkewed";

  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (payloadHash !== UNSIGNED && !/^[0-9a-f]{64}$/.test(payloadHash)) return "NotImplemented";
  if (payloadHash !== UNSIGNED && payloadHash !== sha256Hex(body)) return "XAmzContentSHA256Mismatch";
  const names = signedHeaders.split(";");
  if (!names.includes("host") || !names.includes("x-amz-content-sha256")) return "AccessDenied";

  const url = new URL(req.url ?? "/", "http://x");
  const headers = names
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const canonical = [req.method, url.pathname, canonicalQuery(url.searchParams), headers, signedHeaders, payloadHash].join("\n");
  return signature(secret, date, scope, canonical) === given ? null : "SignatureDoesNotMatch";
}
