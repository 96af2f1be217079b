import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { baseUrl, sendWebhook, uniq } from "../support/http";

describe.skipIf(skipBrowserTests)("overview and roles in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    // A few calls today, so the period has data whatever ran before.
    for (let i = 0; i < 5; i++) {
      const res = await sendWebhook("cllr", {
        callId: uniq("ov"),
        callerDetails: { name: "Olga", phoneNumber: "+14155550190" },
        callAnalysis: { summary: "Demo booked", mood: "Positive", callOutcome: "Demo Scheduled" },
      });
      expect(res.status).toBe(202);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("shows KPIs and charts, and a click on a chart opens the calls behind it", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await signIn(page, baseUrl(), TEST_MANAGER, "/");
    await page.waitForURL(`${baseUrl()}/`);
    const calls = Number((await page.getByTestId("kpi-calls").locator("p").nth(1).textContent())?.replace(/\D/g, ""));
    expect(calls).toBeGreaterThanOrEqual(5);
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await screenshot(page, "overview");
    // The last bar of the charts of calls (the tracker mentions below them open a tracker's calls: tests/e2e/trackers.test.ts).
    await page.locator("section:not([data-testid=tracker-mentions]) .recharts-bar-rectangle path").last().click();
    await page.waitForURL(/\/calls\?from=\d{4}-\d{2}-\d{2}&to=/);
    await page.getByTestId("call-row").first().waitFor();
  });

  it("keeps managers out of admin pages, and lets admins in", async () => {
    const manager = await browser.newPage();
    await signIn(manager, baseUrl(), TEST_MANAGER, "/admin/sources");
    await manager.waitForURL(/\/\?denied=admin$/);
    await manager.getByText("That page is for admins only.").waitFor();

    const admin = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(admin, baseUrl(), TEST_ADMIN, "/admin/sources");
    await admin.waitForURL(/\/admin\/sources$/);
    expect(await admin.getByText(`${baseUrl()}/api/webhooks/cllr`, { exact: true }).count()).toBe(1);
    await screenshot(admin, "admin-sources");
  });
});
