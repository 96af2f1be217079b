import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callDetailSchema } from "@/lib/calls/schemas";
import { startFileServer, type FileServer } from "../support/file-server";
import { fixture } from "../support/fixtures";
import { api, jsonOf, sendWebhook, uniq, type WebhookAnswer } from "../support/http";

// A vendor's recording and transcript URLs are often signed: whoever has one
// can fetch the file. The read API says what there is (hasRecording,
// transcriptPending) and never hands the URLs or storage keys out.

let files: FileServer;
beforeAll(async () => {
  files = await startFileServer();
});
afterAll(() => files.close());

const SIGNATURE = "X-Amz-Signature=5ec2e7f00d";
const TOKEN = "token=vendor-bearer-0ff1ce";

async function detailText(callId: string): Promise<string> {
  const res = await api(`/api/calls/${callId}`);
  expect(res.status).toBe(200);
  return res.text();
}

describe("GET /api/calls/{id} and vendor URLs", () => {
  it("says a transcript is on its way without the signed URL it comes from, nor the recording's", async () => {
    const turns = { transcript: [{ speaker: "agent", text: "Hello from the signed file.", start: 0.5 }] };
    const path = `/t/${uniq()}.json?${SIGNATURE}&${TOKEN}`;
    // Slow enough to read the call while the transcript is still on its way.
    const transcriptUri = files.serve(path, { status: 200, body: JSON.stringify(turns), headers: { "content-type": "application/json" }, delayMs: 3000 });
    const recordingUri = `https://media.example.com/r/${uniq()}.ogg?${SIGNATURE}&${TOKEN}`;
    const res = await sendWebhook("cllr", { ...fixture<Record<string, unknown>>("cllr/example.json"), callId: uniq("cllr"), transcriptUri, recordingUri });
    expect(res.status).toBe(202);
    const { callId } = await jsonOf<WebhookAnswer>(res);

    const pending = await detailText(callId);
    expect(callDetailSchema.parse(JSON.parse(pending))).toMatchObject({ transcriptPending: true, hasRecording: true, transcript: [] });
    for (const secret of ["X-Amz-Signature", "5ec2e7f00d", "vendor-bearer-0ff1ce", "media.example.com", files.url]) expect(pending).not.toContain(secret);
    expect(JSON.parse(pending)).not.toHaveProperty("transcriptUrl");

    await expect.poll(async () => (JSON.parse(await detailText(callId)) as { transcriptPending: boolean }).transcriptPending, { timeout: 15_000 }).toBe(false);
    const fetched = await detailText(callId);
    expect((JSON.parse(fetched) as { transcript: unknown }).transcript).toEqual([{ role: "agent", text: "Hello from the signed file.", atMs: 500 }]);
    expect(fetched).not.toContain("5ec2e7f00d");
    expect(files.hits.get(path)).toBe(1);
  });

  it("leaves out a recording's storage key", async () => {
    const key = `2026/02/02/10/${uniq("key")}.mp3`;
    const res = await sendWebhook("hubtalk", {
      ...fixture<Record<string, unknown>>("hubtalk/full-example.json"),
      call_event_uuid: uniq("ev"),
      audio_recording_url: key,
    });
    expect(res.status).toBe(202);
    const text = await detailText((await jsonOf<WebhookAnswer>(res)).callId);
    expect(JSON.parse(text)).toMatchObject({ hasRecording: true, transcriptPending: false });
    expect(text).not.toContain(key);
  });
});
