import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Vendor tokens and storage credentials are needed in clear text to call the
// vendor, so they are encrypted (AES-256-GCM) rather than hashed. The key comes
// from SECRETS_KEY (32 bytes, base64 or hex); `npm start` generates one in
// .data/. To rotate, put the new key in SECRETS_KEY and the old one in
// SECRETS_KEY_PREVIOUS: values name the key that sealed them, so both open.

const PREFIX = "enc:v1";

export class EncryptionKeyMissing extends Error {}

interface Key {
  id: string;
  bytes: Buffer;
}

function parseKey(text: string): Key {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (bytes.length !== 32) throw new EncryptionKeyMissing("SECRETS_KEY must be 32 bytes, base64 or hex (openssl rand -base64 32).");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

function keys(): Key[] {
  const current = process.env.SECRETS_KEY;
  if (!current) throw new EncryptionKeyMissing("SECRETS_KEY is not set; it is needed to store vendor tokens.");
  const previous = process.env.SECRETS_KEY_PREVIOUS;
  return [parseKey(current), ...(previous ? [parseKey(previous)] : [])];
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(`${PREFIX}:`);
}

export function encrypt(plain: string): string {
  const [key] = keys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [PREFIX, key.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(":");
}

export function decrypt(value: string): string {
  const [enc, version, keyId, iv, tag, sealed] = value.split(":");
  if (`${enc}:${version}` !== PREFIX || sealed === undefined) throw new Error("Not an encrypted value.");
  const key = keys().find((k) => k.id === keyId);
  if (!key) throw new EncryptionKeyMissing(`The key that sealed this value (${keyId}) is neither SECRETS_KEY nor SECRETS_KEY_PREVIOUS.`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
