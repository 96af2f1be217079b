import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, sendWebhook, uniq } from "../support/http";
import { AUDIO, startHostileStorage } from "../support/hostile-storage";

// A recording is served from the app's own origin: whatever a vendor's storage
// answers, only audio passes, labelled so a browser can only play it.

let storage: Awaited<ReturnType<typeof startHostileStorage>>;
beforeAll(async () => {
  storage = await startHostileStorage();
});
afterAll(() => storage.close());

async function callWithRecording(path: string): Promise<string> {
  const res = await sendWebhook("unpod", {
    task_id: uniq("task"),
    status: "completed",
    input: { name: "Recording test", contact_number: "+14155550123" },
    output: { call_status: "completed", duration: 3, recording_url: `${storage.url}${path}` },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { callId: string }).callId;
}

const recording = async (path: string, init: RequestInit = {}, query = "") => api(`/api/calls/${await callWithRecording(path)}/recording${query}`, init);

describe("recordings are inert audio", () => {
  it.each(["/page.html", "/image.svg", "/page-as-octets"])("refuses %s with a problem that says it is not audio", async (path) => {
    const res = await recording(path);
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await res.json()) as { title: string; detail: string };
    expect(problem.title).toBe("Not audio");
    expect(problem.detail).toMatch(/not audio/);
    expect(JSON.stringify(problem)).not.toContain("<script>");
  });

  it("plays declared audio, with headers that keep it from ever running as a page", async () => {
    const res = await recording("/call.wav");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/^(?=.*\bsandbox\b)(?=.*default-src 'none').*$/);
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="call-[\w.-]+\.wav"$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(AUDIO)).toBe(true);
  });

  it("offers a download as an attachment", async () => {
    const res = await recording("/call.wav", {}, "?download");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="call-[\w.-]+\.wav"$/);
  });

  it("passes a page labelled audio/mpeg only as audio, never as a page", async () => {
    const res = await recording("/page-as-audio");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
  });

  it.each(["/call-as-octets", "/call-unlabelled"])("labels %s by its first bytes", async (path) => {
    const res = await recording(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^audio\/(wav|vnd\.wave|x-wav)$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(AUDIO)).toBe(true);
  });

  it("labels unlabelled audio for a Range in the middle of the file, and for the player's one-byte probe", async () => {
    const callId = await callWithRecording("/call-as-octets");
    const middle = await api(`/api/calls/${callId}/recording`, { headers: { range: "bytes=20000-20099" } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-type")).toMatch(/^audio\//);
    expect(Buffer.from(await middle.arrayBuffer()).equals(AUDIO.subarray(20000, 20100))).toBe(true);

    const probe = await api(`/api/calls/${callId}/recording`, { headers: { range: "bytes=0-0" } });
    expect(probe.status).toBe(206);
    expect(probe.headers.get("content-type")).toMatch(/^audio\//);
    expect((await probe.arrayBuffer()).byteLength).toBe(1);
  });

  it("reads no more than the first bytes of an answer that never ends, when judging it", async () => {
    const callId = await callWithRecording("/endless");
    const res = await api(`/api/calls/${callId}/recording`, { headers: { range: "bytes=100-199" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-type")).toMatch(/^audio\//);
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 200));
    // The probe stops reading after its head: what went out is what the sockets buffered, not the gigabyte.
    expect(storage.endlessBytesSent()).toBeLessThan(64 * 1024 * 1024);
  });
});
