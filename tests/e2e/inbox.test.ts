import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { baseUrl, sendWebhook, sql } from "../support/http";
import { createSource } from "../support/sources";

// An admin finds the events a misconfigured source could not map, fixes the
// source, replays them from the inbox and sees the calls they became.

describe.skipIf(skipBrowserTests)("inbox in Chromium", () => {
  let browser: Browser;
  let slug: string;
  const eventIds: string[] = [];

  beforeAll(async () => {
    ({ slug } = await createSource("cllr"));
    await sql("UPDATE sources SET name = 'HubTalk (set up as Cllr)' WHERE slug = $1", [slug]);
    for (let i = 0; i < 2; i++) {
      const res = await sendWebhook(slug, { ...fixture<Record<string, unknown>>("hubtalk/full-example.json"), call_event_uuid: randomUUID() });
      expect(res.status).toBe(422);
      eventIds.push(((await res.json()) as { eventId: string }).eventId);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("lists failed events, replays a selection after the fix, and shows what became of each", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/inbox");
    await page.getByLabel("Source").selectOption(slug);
    await page.getByLabel("Status").selectOption("failed");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(new RegExp(`source=${slug}&status=failed`));
    await expect.poll(() => page.getByTestId("inbox-row").count()).toBe(2);

    await sql("UPDATE sources SET provider = 'hubtalk' WHERE slug = $1", [slug]);
    await page.getByLabel("Select all on this page").check();
    await page.getByRole("button", { name: "Replay 2 selected" }).click();
    await expect.poll(() => page.getByTestId("replay-outcome").getByText("Stored").count()).toBe(2);
    await screenshot(page, "inbox-replayed");

    await page.getByTestId("inbox-row").first().getByRole("link", { name: "open call" }).first().click();
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    await page.getByText("John Doe").first().waitFor();

    // The audit log records the replay.
    await page.goto(`${baseUrl()}/admin/audit?action=raw_events.replay`);
    await page.getByTestId("audit-row").first().getByText("Replayed raw events · 2 events").waitFor();
    await screenshot(page, "audit-log");
  });

  it("shows one event as received", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, baseUrl(), TEST_ADMIN, `/admin/inbox/${eventIds[0]}`);
    const body = page.getByTestId("raw-body");
    await body.waitFor();
    expect(await body.textContent()).toContain('"call_event_uuid"');
    await screenshot(page, "inbox-event");
  });
});
