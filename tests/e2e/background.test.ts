import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncAlerts } from "@/lib/sources/alerts";
import { listSourceHealth } from "@/lib/sources/health";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { startFileServer, type FileServer } from "../support/file-server";
import { fixture } from "../support/fixtures";
import { api, baseUrl, sendWebhook, sql, uniq } from "../support/http";
import { configureSource, createSource } from "../support/sources";

// What background work looks like to people: alerts on the overview, source
// health and the job queue for admins, and a call page that says why a
// transcript or a recording is missing.

describe.skipIf(skipBrowserTests)("background work in Chromium", () => {
  let browser: Browser;
  let files: FileServer;
  let quiet: { id: string; slug: string };

  beforeAll(async () => {
    files = await startFileServer();
    quiet = await createSource("autocalls");
    await sql(`UPDATE sources SET name = 'Autocalls EU', created_at = now() - interval '3 days' WHERE id = $1`, [quiet.id]);
    await syncAlerts(await listSourceHealth());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await files?.close();
  });

  it("shows open source alerts on the overview", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_MANAGER, "/");
    const alerts = page.getByRole("alert", { name: "Source alerts" });
    await alerts.waitFor();
    expect(await alerts.textContent()).toContain("Autocalls EU · Gone quiet: Nothing has arrived in the 72 h since it was connected");
    await screenshot(page, "overview-alerts");
  });

  it("shows each source's health, polling and storage state, and the job queue to admins", async () => {
    const unpod = await createSource("unpod");
    await configureSource(unpod.slug, { polling: { apiToken: "t", spaceToken: "s", orgHandle: "acme.test", apiBaseUrl: files.url, intervalSec: 0 } });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/sources");
    const row = page.getByTestId(`source-${quiet.slug}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("Never received");
    expect(await page.getByTestId(`source-${unpod.slug}`).textContent()).toContain("Polled via /api/cron/unpod");
    expect(await page.getByTestId("source-hubtalk").textContent()).toContain("Recordings need storage settings");
    const jobs = page.getByRole("region", { name: "Background jobs" });
    expect(await jobs.textContent()).toContain("Transcript fetches");
    await screenshot(page, "admin-sources-health");
  });

  it("says on the call page why a transcript or a recording is missing", async () => {
    const unreadable = files.serve(`/t/${uniq()}.json`, { status: 200, body: '{"nothing":"here"}' });
    const cllr = await sendWebhook("cllr", { ...fixture<Record<string, unknown>>("cllr/example.json"), callId: uniq("cllr"), transcriptUri: unreadable });
    const cllrId = ((await cllr.json()) as { callId: string }).callId;
    await expect
      .poll(async () => ((await (await api(`/api/calls/${cllrId}`)).json()) as { transcriptError: string | null }).transcriptError, { timeout: 15_000 })
      .not.toBeNull();

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_MANAGER, `/calls/${cllrId}`);
    await page.getByTestId("transcript-state").getByText("The transcript could not be fetched from the vendor: The transcript file holds no turns").waitFor();
    await screenshot(page, "call-transcript-failed");

    const hubtalk = await sendWebhook("hubtalk", { ...fixture<Record<string, unknown>>("hubtalk/full-example.json"), call_event_uuid: randomUUID() });
    expect(hubtalk.status).toBe(202);
    const hubtalkId = ((await hubtalk.json()) as { callId: string }).callId;
    // Scripts arrive late, so the recording fails before React is there to see it.
    await page.route("**/_next/static/chunks/**", (route) => setTimeout(() => void route.continue(), 1500));
    await page.goto(`${baseUrl()}/calls/${hubtalkId}`);
    await page.waitForLoadState("networkidle");
    await screenshot(page, "call-recording-no-storage");
    await page.getByTestId("player-error").getByText("it plays once an admin adds the source's storage settings").waitFor({ timeout: 10_000 });
  });
});
