import { copyFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenario } from "@/lib/demo/scenario";
import { samplePayload } from "@/lib/providers/modules";
import { ARTIFACTS, launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { baseUrl, sendWebhook, uniq } from "../support/http";

describe.skipIf(skipBrowserTests)("the Compare page in Chromium", () => {
  let browser: Browser;
  const busy = uniq("Busy");
  const quiet = uniq("Quiet");

  beforeAll(async () => {
    // Two campaigns today: one with three calls, one with one.
    let n = 0;
    for (const campaign of [busy, busy, busy, quiet]) {
      const s = { ...scenario(41, ++n, { now: new Date() }), startedAt: new Date(Date.now() - 60 * 60_000), campaign, direction: "outbound" as const };
      const payload = { ...samplePayload("hooman", s), callInfo: { ...(samplePayload("hooman", s).callInfo as object), callSid: uniq("CA") } };
      expect((await sendWebhook("hooman", payload)).status).toBe(202);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("shows rows, sorts by a column, charts two rows, and a row opens its calls", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_MANAGER, "/compare?by=campaign&days=7");
    await page.waitForURL(/\/compare\?by=campaign&days=7$/);
    await page.getByTestId("compare-row").first().waitFor();
    expect(await page.getByRole("link", { name: new RegExp(busy, "i") }).count()).toBe(1);

    const callsColumn = async () =>
      (await page.locator("[data-testid=compare-row] td:nth-child(3) > span:first-child").allTextContents()).map((t) => Number(t.replace(/\D/g, "")));
    const before = await callsColumn();
    expect(before).toEqual([...before].sort((a, b) => b - a));
    // Keyboard: focus the header's button and press Enter: ascending now.
    const header = page.getByRole("button", { name: /^Calls/ });
    await header.focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => page.getByRole("columnheader", { name: /^Calls/ }).getAttribute("aria-sort")).toBe("ascending");
    const after = await callsColumn();
    expect(after).toEqual([...before].sort((a, b) => a - b));

    await page.getByRole("checkbox", { name: new RegExp(busy, "i") }).check();
    await page.getByRole("checkbox", { name: new RegExp(quiet, "i") }).check();
    await page.getByTestId("compare-chart").locator(".recharts-line").first().waitFor();
    await screenshot(page, "compare");
    copyFileSync(path.join(ARTIFACTS, "compare.png"), "/tmp/compare.png");

    await page.getByRole("link", { name: new RegExp(busy, "i") }).click();
    await page.waitForURL(/\/calls\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&campaign=/);
    await page.getByTestId("call-row").first().waitFor();
    expect(await page.getByTestId("call-row").count()).toBe(3);
  });

  it("switches dimension with the tabs, keeping the period", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl(), TEST_MANAGER, "/compare?by=campaign&days=7");
    await page.getByRole("link", { name: "Source" }).click();
    await page.waitForURL(/by=source&days=7/);
    await page.getByTestId("compare-row").first().waitFor();
  });
});
