import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presignedObjectUrl, PRESIGN_SECONDS } from "@/lib/storage/s3";
import { fixture } from "../support/fixtures";
import { api, sendWebhook, sql } from "../support/http";
import { S3_CREDENTIALS, startS3Server, verifyPresigned } from "../support/s3-server";
import { configureSource, createSource } from "../support/sources";
import { wav } from "../support/audio-server";

// HubTalk sends an S3 object key: the recording endpoint presigns a short-lived
// URL with the source's storage settings and streams it, Range included.

const BUCKET = "hubtalk-recordings";
const KEY = "2026/02/02/10/0ca800d9-70ec-4e0c-a119-29d27185efce.mp3";
const audio = randomBytes(50_000);
const ARCHIVED_KEY = "2026/02/02/11/archived-call.wav";
const objects: Record<string, Buffer> = { [KEY]: audio, [ARCHIVED_KEY]: wav(2) };
let s3: Awaited<ReturnType<typeof startS3Server>>;
let source: { id: string; slug: string };

beforeAll(async () => {
  s3 = await startS3Server(BUCKET, objects);
  source = await createSource("hubtalk");
});
afterAll(() => s3.close());

const storage = (extra: Record<string, unknown> = {}) => ({
  storage: { bucket: BUCKET, region: "eu-west-1", endpoint: s3.endpoint, forcePathStyle: true, ...S3_CREDENTIALS, ...extra },
});

async function hubtalkCall(key: string): Promise<string> {
  const res = await sendWebhook(source.slug, {
    ...fixture<Record<string, unknown>>("hubtalk/full-example.json"),
    call_event_uuid: randomUUID(),
    audio_recording_url: key,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { callId: string }).callId;
}

const problemDetail = async (res: Response) => ((await res.json()) as { detail: string }).detail;

describe("recordings behind storage keys", () => {
  it("signs URLs that S3's rules accept and that expire", async () => {
    const settings = { bucket: BUCKET, region: "eu-west-1", endpoint: s3.endpoint, forcePathStyle: true, ...S3_CREDENTIALS };
    const url = new URL(await presignedObjectUrl(settings, KEY));
    const host = url.host;
    expect(verifyPresigned("GET", url.pathname + url.search, host, S3_CREDENTIALS.secretAccessKey)).toBeNull();
    expect(verifyPresigned("GET", url.pathname + url.search, host, "another-secret")).toBe("SignatureDoesNotMatch");
    const later = new Date(Date.now() + (PRESIGN_SECONDS + 1) * 1000);
    expect(verifyPresigned("GET", url.pathname + url.search, host, S3_CREDENTIALS.secretAccessKey, later)).toBe("ExpiredRequest");
  });

  it("explains that storage settings are missing, then plays once they are saved", async () => {
    const callId = await hubtalkCall(KEY);
    const before = await api(`/api/calls/${callId}/recording`);
    expect(before.status).toBe(404);
    expect(await problemDetail(before)).toMatch(/storage settings/);

    const saved = await configureSource(source.slug, storage());
    expect(saved.status).toBe(200);
    expect(await saved.text()).not.toContain(S3_CREDENTIALS.secretAccessKey);

    const full = await api(`/api/calls/${callId}/recording`);
    expect(full.status).toBe(200);
    expect(full.headers.get("location")).toBeNull();
    expect(Buffer.from(await full.arrayBuffer()).equals(audio)).toBe(true);

    const part = await api(`/api/calls/${callId}/recording`, { headers: { range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${audio.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(audio.subarray(100, 200))).toBe(true);
    // Every request the store saw was presigned.
    expect(s3.requests.every((r) => r.includes("X-Amz-Signature="))).toBe(true);
  });

  it("copies the object into the archive, so it plays after the vendor's bucket lost it", async () => {
    await configureSource(source.slug, storage());
    const callId = await hubtalkCall(ARCHIVED_KEY);
    await expect
      .poll(async () => ((await (await api(`/api/calls/${callId}`)).json()) as { recording: { status: string } }).recording.status, { timeout: 20_000 })
      .toBe("stored");
    delete objects[ARCHIVED_KEY];
    const played = await api(`/api/calls/${callId}/recording`);
    expect(played.status).toBe(200);
    expect(played.headers.get("content-type")).toBe("audio/wav");
    expect(Buffer.from(await played.arrayBuffer()).equals(wav(2))).toBe(true);
  });

  it("says so when the object is gone or the credentials are wrong", async () => {
    await configureSource(source.slug, storage());
    const gone = await api(`/api/calls/${await hubtalkCall("2025/01/01/00/expired.mp3")}/recording`);
    expect(gone.status).toBe(404);
    expect(await problemDetail(gone)).toMatch(/not in the bucket/);

    await configureSource(source.slug, storage({ secretAccessKey: "wrong-secret" }));
    const refused = await api(`/api/calls/${await hubtalkCall(KEY)}/recording`);
    expect(refused.status).toBe(502);
    expect(await problemDetail(refused)).toMatch(/SignatureDoesNotMatch.*credentials/);
    await configureSource(source.slug, storage());
  });

  it("asks for the secret key again when the endpoint moves to another host; until then recordings come from the old one", async () => {
    await configureSource(source.slug, storage());
    const saved = async () => (await sql<{ settings: string }>(`SELECT settings::text FROM sources WHERE id = $1`, [source.id]))[0].settings;
    const before = await saved();
    const other = await startS3Server(BUCKET, { [KEY]: audio });
    try {
      for (const extra of [
        { endpoint: other.endpoint, secretAccessKey: undefined },
        { endpoint: other.endpoint, secretAccessKey: "" },
        { endpoint: undefined, secretAccessKey: undefined },
      ]) {
        const res = await configureSource(source.slug, storage(extra));
        expect(res.status, JSON.stringify(extra)).toBe(400);
        expect(await res.json()).toMatchObject({
          title: "Invalid settings",
          detail:
            "Storage: The storage endpoint moved to another host: enter the secret access key again (a saved secret never follows an address to another host).",
        });
      }
      expect(await saved()).toBe(before);

      const played = await api(`/api/calls/${await hubtalkCall(KEY)}/recording`);
      expect(played.status).toBe(200);
      await played.arrayBuffer();
      // No URL signed with the saved key went to the other store.
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
