import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { wav } from "../support/audio-server";
import { startFileServer, type FileServer } from "../support/file-server";
import { api, jsonOf, sendWebhook, uniq } from "../support/http";

// Every recording is copied into the app's own storage after the call is
// saved, so that it keeps playing when the vendor purges it. Only audio is
// kept, judged by its bytes, and only up to RECORDINGS_MAX_BYTES (2 MB in tests).

const OGG = readFileSync(path.resolve(import.meta.dirname, "../../lib/demo/recordings/meeting-loan.ogg"));
const MP3 = readFileSync(path.resolve(import.meta.dirname, "../fixtures/audio/tone.mp3"));
const WAV = wav(2);

interface Recording {
  status: string;
  contentType: string | null;
  bytes: number | null;
  durationMs: number | null;
  levels: number[];
  error: string | null;
}

let vendor: FileServer;
beforeAll(async () => {
  vendor = await startFileServer();
});
afterAll(() => vendor.close());

async function callWithRecording(url: string): Promise<string> {
  const res = await sendWebhook("unpod", {
    task_id: uniq("task"),
    status: "completed",
    input: { name: "Archive test", contact_number: "+14155550123" },
    output: { call_status: "completed", duration: 31, recording_url: url },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { callId: string }).callId;
}

const recordingOf = async (callId: string) => (await jsonOf<{ recording: Recording }>(api(`/api/calls/${callId}`))).recording;

async function settled(callId: string): Promise<Recording> {
  await expect.poll(async () => (await recordingOf(callId)).status, { timeout: 60_000, interval: 300 }).not.toBe("pending");
  return recordingOf(callId);
}

// Copies queue behind the retries of every other test's made-up recording addresses.
describe("the recording archive", { timeout: 90_000 }, () => {
  it.each([
    ["WAV", WAV, "audio/wav", "audio/wav"],
    ["MP3", MP3, "audio/mpeg", "audio/mpeg"],
    ["Ogg Opus, labelled as octets", OGG, "application/octet-stream", "audio/ogg"],
  ])("keeps a %s that plays with Range after the vendor has deleted it", async (_name, file, declared, sniffed) => {
    const at = `/rec/${uniq()}`;
    const callId = await callWithRecording(vendor.serve(at, { status: 200, body: file, headers: { "content-type": declared } }, { status: 404 }));

    const kept = await settled(callId);
    expect(kept).toMatchObject({ status: "stored", contentType: sniffed, bytes: file.length, error: null });
    expect(kept.durationMs).toBeGreaterThan(0);
    expect(kept.levels.length).toBeGreaterThan(20);
    const fetchedBefore = vendor.hits.get(at);

    const whole = await api(`/api/calls/${callId}/recording`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe(sniffed);
    expect(whole.headers.get("x-content-type-options")).toBe("nosniff");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await whole.arrayBuffer()).equals(file)).toBe(true);

    const part = await api(`/api/calls/${callId}/recording`, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${file.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(file.subarray(1000, 2000))).toBe(true);

    const tail = await api(`/api/calls/${callId}/recording`, { headers: { range: "bytes=-100" } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(file.subarray(file.length - 100))).toBe(true);

    const past = await api(`/api/calls/${callId}/recording`, { headers: { range: `bytes=${file.length + 10}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${file.length}`);

    const download = await api(`/api/calls/${callId}/recording?download`);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="call-[\w.-]+\.(wav|mp3|ogg)"$/);
    await download.body?.cancel();
    // The vendor, which now answers 404, was not asked again.
    expect(vendor.hits.get(at)).toBe(fetchedBefore);
  });

  it("keeps one file for calls with the same audio", async () => {
    const before = await readdir(inject("recordingsDir"), { recursive: true });
    const calls = await Promise.all(
      [1, 2].map(() => callWithRecording(vendor.serve(`/rec/${uniq()}`, { status: 200, body: OGG, headers: { "content-type": "audio/ogg" } }))),
    );
    for (const callId of calls) expect((await settled(callId)).status).toBe("stored");
    const after = await readdir(inject("recordingsDir"), { recursive: true });
    expect(after.filter((f) => f.endsWith(".ogg")).length).toBe(before.filter((f) => f.endsWith(".ogg")).length);
  });

  it("refuses an HTML page labelled as audio, and says why on the call", async () => {
    const page = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
    const callId = await callWithRecording(vendor.serve(`/rec/${uniq()}`, { status: 200, body: page, headers: { "content-type": "audio/mpeg" } }));
    const refused = await settled(callId);
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/not audio/);
  });

  it("refuses a recording larger than RECORDINGS_MAX_BYTES", async () => {
    const big = Buffer.concat([WAV, Buffer.alloc(3 * 1024 * 1024)]);
    const labelled = await callWithRecording(vendor.serve(`/rec/${uniq()}`, { status: 200, body: big, headers: { "content-type": "audio/wav" } }));
    expect(await settled(labelled)).toMatchObject({ status: "failed", error: expect.stringMatching(/larger than 2 MB/) });
  });

  it("tries again while the vendor's file is not there yet", async () => {
    const at = `/rec/${uniq()}`;
    const callId = await callWithRecording(
      vendor.serve(at, { status: 404 }, { status: 503 }, { status: 200, body: WAV, headers: { "content-type": "audio/wav" } }),
    );
    expect((await settled(callId)).status).toBe("stored");
    expect(vendor.hits.get(at)).toBe(3);
  });

  it("refuses a recording address the outbound guard does not allow, without retrying", async () => {
    const callId = await callWithRecording("http://169.254.169.254/latest/meta-data/recording.wav");
    expect(await settled(callId)).toMatchObject({ status: "failed", error: expect.stringMatching(/not allowed/) });
  });
});
