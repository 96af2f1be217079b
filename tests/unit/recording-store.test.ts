import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readlink, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { contentKey, createRecordingStore, type RecordingStore, type StoredObject } from "@/lib/recordings/store";
import { S3_CREDENTIALS, startS3Server } from "../support/s3-server";

/** A fresh key, as the archive makes them (any bytes' hash). */
const keyFor = (extension: string) => contentKey(createHash("sha256").update(randomUUID()).digest("hex"), extension);

// The app's own copy of recordings: on local disk (atomic writes, keys that
// cannot leave the directory, no file handle left open by a reader who stops)
// and in S3, spoken to by the real AWS SDK and checked by a server of our own.

const base = { DATABASE_URL: "postgres://app@localhost:5432/calls", RECORDINGS_S3_REGION: "us-east-1" };
const audio = randomBytes(300_000);
const bytesOf = async (o: StoredObject | null) => Buffer.from(await new Response(o!.body).arrayBuffer());

/** Both stores answer the whole file and a range with the same bytes and bounds. */
async function expectWholeAndPart(store: RecordingStore, key: string): Promise<void> {
  const whole = await store.get(key);
  expect(whole).toMatchObject({ size: audio.length, start: 0, end: audio.length - 1 });
  expect((await bytesOf(whole)).equals(audio)).toBe(true);
  const part = await store.get(key, { start: 100, end: 199 });
  expect(part).toMatchObject({ size: audio.length, start: 100, end: 199 });
  expect((await bytesOf(part)).equals(audio.subarray(100, 200))).toBe(true);
}

const dirs: string[] = [];
async function localStore(): Promise<{ store: RecordingStore; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "recordings-unit-"));
  dirs.push(dir);
  return { store: createRecordingStore({ ...base, RECORDINGS_DIR: dir }), dir };
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("recording keys", () => {
  it("are made from the content hash and a plain extension", () => {
    const sha = "ab".repeat(32);
    expect(contentKey(sha, "ogg")).toBe(`ab/${sha}.ogg`);
    expect(() => contentKey("../../etc/passwd", "ogg")).toThrow(/SHA-256/);
    for (const ext of ["../x", "mp3?", "toolong", ""]) expect(() => contentKey(sha, ext)).toThrow(/extension/);
  });
});

describe("local recording store", () => {
  it("gives back the whole file, or the range asked for, with its size", async () => {
    const { store } = await localStore();
    const key = keyFor("mp3");
    await store.put(key, audio, "audio/mpeg");
    expect(store.kind).toBe("local");

    await expectWholeAndPart(store, key);

    const tail = await store.get(key, { start: audio.length - 10, end: audio.length + 500 });
    expect(tail).toMatchObject({ start: audio.length - 10, end: audio.length - 1 });
    expect((await bytesOf(tail)).equals(audio.subarray(-10))).toBe(true);
    expect(await bytesOf(await store.get(key, { start: 1000 }))).toEqual(audio.subarray(1000));
  });

  it("answers null for what is not there, and removes without complaint", async () => {
    const { store } = await localStore();
    const key = keyFor("ogg");
    expect(await store.get(key)).toBeNull();
    await store.remove(key);
    await store.put(key, audio, "audio/ogg");
    await store.remove(key);
    expect(await store.get(key)).toBeNull();
  });

  it("never shows half a file under the key, and leaves no temporary file behind", async () => {
    const { store, dir } = await localStore();
    const key = keyFor("wav");
    const before = randomBytes(4 * 1024 * 1024);
    const after = randomBytes(6 * 1024 * 1024);
    await store.put(key, before, "audio/wav");
    let done = false;
    const writing = store.put(key, after, "audio/wav").then(() => (done = true));
    const seen = new Set<string>();
    while (!done) {
      const read = await bytesOf(await store.get(key));
      seen.add(read.equals(before) ? "before" : read.equals(after) ? "after" : `torn at ${read.length} bytes`);
    }
    await writing;
    expect([...seen].filter((s) => s.startsWith("torn"))).toEqual([]);
    expect(await readdir(path.join(dir, path.dirname(key)))).toEqual([path.basename(key)]);
  });

  it("refuses keys that would leave its directory", async () => {
    const { store } = await localStore();
    for (const key of ["../escape.ogg", "ab/../../escape.ogg", "/etc/passwd", "ab/x.ogg\0", "ab\\..\\x.ogg", "ab/.hidden.tmp", "", "ab//x.ogg"]) {
      await expect(store.put(key, audio, "audio/ogg")).rejects.toThrow(/Not a recording key/);
      await expect(store.get(key)).rejects.toThrow(/Not a recording key/);
      await expect(store.remove(key)).rejects.toThrow(/Not a recording key/);
    }
  });

  it("closes the file when the reader stops early", async () => {
    const { store, dir } = await localStore();
    const key = keyFor("ogg");
    await store.put(key, randomBytes(4 * 1024 * 1024), "audio/ogg");
    const file = path.join(dir, key);
    const openOnFile = async () => {
      const fds = await readdir("/proc/self/fd");
      const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => "")));
      return targets.filter((t) => t === file).length;
    };

    const part = await store.get(key, { start: 10, end: 3 * 1024 * 1024 });
    const reader = part!.body.getReader();
    expect((await reader.read()).value?.length).toBeGreaterThan(0);
    expect(await openOnFile()).toBe(1);
    await reader.cancel();
    await vi.waitFor(async () => expect(await openOnFile()).toBe(0));
  });
});

describe("S3 recording store", () => {
  const BUCKET = "call-recordings";
  const objects: Record<string, Buffer> = {};
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  beforeAll(async () => {
    s3 = await startS3Server(BUCKET, objects);
  });
  afterAll(() => s3.close());

  const s3Store = (extra: Record<string, string> = {}) =>
    createRecordingStore({
      ...base,
      RECORDINGS_S3_BUCKET: BUCKET,
      RECORDINGS_S3_ENDPOINT: s3.endpoint,
      RECORDINGS_S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
      RECORDINGS_S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
      ...extra,
    });

  it("puts, gets whole and in part, and removes", async () => {
    const store = s3Store({ RECORDINGS_S3_PREFIX: "archive/" });
    expect(store.kind).toBe("s3");
    const key = keyFor("ogg");
    await store.put(key, audio, "audio/ogg");
    expect(objects[`archive/${key}`].equals(audio)).toBe(true);

    await expectWholeAndPart(store, key);
    const tail = await store.get(key, { start: audio.length - 10 });
    expect(tail).toMatchObject({ start: audio.length - 10, end: audio.length - 1 });
    expect((await bytesOf(tail)).equals(audio.subarray(-10))).toBe(true);

    await store.remove(key);
    expect(objects[`archive/${key}`]).toBeUndefined();
    expect(await store.get(key)).toBeNull();
    await store.remove(key);
  });

  it("answers null for an absent key, but an error for a missing bucket", async () => {
    expect(await s3Store().get(keyFor("mp3"))).toBeNull();
    await expect(s3Store({ RECORDINGS_S3_BUCKET: "no-such-bucket" }).get(keyFor("mp3"))).rejects.toThrow(/NoSuchBucket/);
  });

  it("says plainly that the credentials are wrong, without the secret", async () => {
    const wrong = "wrong-secret-must-not-leak";
    const error = await s3Store({ RECORDINGS_S3_SECRET_ACCESS_KEY: wrong })
      .put(keyFor("mp3"), audio, "audio/mpeg")
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/PutObject .* failed: SignatureDoesNotMatch \(HTTP 403\); check RECORDINGS_S3_ACCESS_KEY_ID/);
    const everything = inspect(error, { depth: 20, showHidden: true }) + JSON.stringify(error);
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(S3_CREDENTIALS.secretAccessKey);
  });
});
