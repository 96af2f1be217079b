import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wav } from "../support/audio-server";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { startFileServer, type FileServer } from "../support/file-server";
import { api, jsonOf, sendWebhook, sql, uniq } from "../support/http";
import { asUser } from "../support/session";

// Calls stored before the archive existed have no copy: an admin archives
// them from the Sources page, which follows the progress; failed copies are
// tried again by the same button.

let vendor: FileServer;
beforeAll(async () => {
  vendor = await startFileServer();
});
afterAll(() => vendor.close());

interface ArchiveView {
  store: string;
  counts: { pending: number; stored: number; failed: number; deleted: number; bytes: number };
  backfill: { status: string; done: number; total: number; changed: number } | null;
}

async function storedCall(path: string): Promise<string> {
  const res = await sendWebhook("unpod", {
    task_id: uniq("task"),
    status: "completed",
    input: { name: "Backfill test", contact_number: "+14155550123" },
    output: { call_status: "completed", duration: 2, recording_url: `${vendor.url}${path}` },
  });
  return ((await res.json()) as { callId: string }).callId;
}

const statusOf = async (callId: string) => (await jsonOf<{ recording: { status: string } }>(api(`/api/calls/${callId}`))).recording.status;

describe("archiving older recordings", () => {
  it("copies calls that have none and retries failed copies, with progress for admins only", async () => {
    const older = `/rec/${uniq()}.wav`;
    const flaky = `/rec/${uniq()}.wav`;
    vendor.serve(older, { status: 200, body: wav(1), headers: { "content-type": "audio/wav" } });
    vendor.serve(flaky, { status: 200, body: Buffer.from("<html>not yet</html>"), headers: { "content-type": "text/html" } });
    const olderCall = await storedCall(older);
    const flakyCall = await storedCall(flaky);
    await expect.poll(() => statusOf(flakyCall), { timeout: 60_000 }).toBe("failed");
    await expect.poll(() => statusOf(olderCall), { timeout: 60_000 }).toBe("stored");
    // As if stored before the archive existed.
    await sql(`DELETE FROM recording_archives WHERE call_id = $1`, [olderCall]);
    expect(await statusOf(olderCall)).toBe("vendor");
    // The vendor's file is right now.
    vendor.serve(flaky, { status: 200, body: wav(2), headers: { "content-type": "audio/wav" } });

    expect((await asUser(TEST_MANAGER, "/api/recordings/backfill", { method: "POST" })).status).toBe(403);
    const started = await asUser(TEST_ADMIN, "/api/recordings/backfill", { method: "POST" });
    expect(started.status).toBe(202);
    expect((await jsonOf<{ backfill: { status: string } }>(started)).backfill.status).toBe("queued");

    const view = () => jsonOf<ArchiveView>(asUser(TEST_ADMIN, "/api/recordings"));
    await expect.poll(async () => (await view()).backfill?.status, { timeout: 30_000 }).toBe("done");
    const done = (await view()).backfill!;
    expect(done.done).toBe(done.total);
    expect(done.changed).toBeGreaterThanOrEqual(2);

    await expect.poll(() => statusOf(olderCall), { timeout: 60_000 }).toBe("stored");
    await expect.poll(() => statusOf(flakyCall), { timeout: 60_000 }).toBe("stored");
    const after = await view();
    expect(after.store).toBe("local");
    expect(after.counts.stored).toBeGreaterThanOrEqual(2);
    expect(after.counts.bytes).toBeGreaterThan(0);

    const [entry] = await sql<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'recordings.backfill' ORDER BY at DESC LIMIT 1`);
    expect(entry?.action).toBe("recordings.backfill");
    // The copies queue behind other files' calls whose made-up recording hosts are still being retried: as long as its polls allow.
  }, 180_000);
});
