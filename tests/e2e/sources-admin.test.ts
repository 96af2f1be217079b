import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { baseUrl, uniq } from "../support/http";

// The path: an admin connects a source, sends a test event, sees the call.

describe.skipIf(skipBrowserTests)("connecting a source in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("connects a source, shows its URL and secret once, sends a test event and opens the call", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/sources");
    const form = page.getByRole("form", { name: "Connect a source" });
    const name = `Autocalls ${uniq()}`;
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Vendor").selectOption("autocalls");
    await form.getByRole("button", { name: "Connect" }).click();

    const result = page.getByTestId("connect-result");
    await result.waitFor();
    const url = await result.getByTestId("connect-url").textContent();
    const secret = await result.getByTestId("one-time-secret").textContent();
    expect(url).toMatch(new RegExp(`^${baseUrl()}/api/webhooks/autocalls-[\\w-]+\\?token=`));
    expect(url).toContain(encodeURIComponent(secret!));
    expect(await result.textContent()).toContain("Post call webhook");

    await result.getByRole("button", { name: "Send a test event" }).click();
    await result.getByTestId("test-event-result").getByText("202 stored").waitFor();
    await screenshot(page, "source-connected");
    await result.getByRole("link", { name: "open the call" }).click();
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    await page.getByText("Autocalls", { exact: true }).first().waitFor();
  });
});
