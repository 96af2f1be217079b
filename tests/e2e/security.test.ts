import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests, takeCspViolations } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { baseUrl, sendWebhook, uniq } from "../support/http";
import { PWNED_TITLE, startHostileStorage } from "../support/hostile-storage";

// What a hostile vendor can put in a recording, opened by an admin in a real browser.

describe.skipIf(skipBrowserTests)("hostile recordings in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let storage: Awaited<ReturnType<typeof startHostileStorage>>;

  async function callWithRecording(path: string): Promise<string> {
    const res = await sendWebhook("unpod", {
      task_id: uniq("task"),
      status: "completed",
      input: { name: `Recording ${path}`, contact_number: "+14155550124" },
      output: { call_status: "completed", duration: 3, recording_url: `${storage.url}${path}` },
    });
    return ((await res.json()) as { callId: string }).callId;
  }

  beforeAll(async () => {
    storage = await startHostileStorage();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/");
    await page.waitForURL(`${baseUrl()}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await storage?.close();
  });

  it.each(["/page.html", "/image.svg", "/page-as-octets", "/page-as-audio"])("opening the recording of %s directly runs no script", async (path) => {
    const callId = await callWithRecording(path);
    await page.goto(`${baseUrl()}/api/calls/${callId}/recording`);
    await page.waitForTimeout(300);
    expect(await page.title()).not.toBe(PWNED_TITLE);
    expect(await page.evaluate(() => (window as unknown as { __stolen?: string }).__stolen)).toBeUndefined();
  });

  it("the call page plays real audio, and says why a page posing as a recording is not played", async () => {
    const good = await callWithRecording("/call-as-octets");
    await page.goto(`${baseUrl()}/calls/${good}`);
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => page.getByTestId("player-time").textContent(), { timeout: 10_000 }).not.toBe("0:00");

    const bad = await callWithRecording("/page.html");
    await page.goto(`${baseUrl()}/calls/${bad}`);
    await expect.poll(() => page.getByTestId("player-error").textContent(), { timeout: 10_000 }).toMatch(/not audio/);
    expect(await page.title()).not.toBe(PWNED_TITLE);
    await screenshot(page, "recording-not-audio");
  });

  it("notices a Content-Security-Policy violation (which fails any browser test)", async () => {
    await page.goto(`${baseUrl()}/`);
    // Markup that a vendor's text could carry if it were ever rendered as HTML.
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="x" onerror="document.title='${"x"}'">`));
    await expect.poll(() => takeCspViolations().join("\n"), { timeout: 5_000 }).toMatch(/script-src-attr|script-src/);
  });
});
