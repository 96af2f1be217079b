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
    await result.getByTestId("test-event-result").getByText("Received and stored.").waitFor();
    await screenshot(page, "source-connected");
    await result.getByRole("link", { name: "open the call" }).click();
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    await page.getByText("Autocalls", { exact: true }).first().waitFor();
  });

  it("edits a HubTalk source's storage settings; the secret key is never shown again", async () => {
    const { createSource } = await import("../support/sources");
    const source = await createSource("hubtalk");
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, `/admin/sources/${source.slug}`);
    const form = page.getByRole("form", { name: "Source settings" });
    await form.getByLabel("Bucket").fill("call-recordings");
    await form.getByLabel("Region", { exact: true }).fill("eu-west-1");
    await form.getByLabel("Access key id").fill("AKIAEXAMPLE");
    await form.getByLabel("Secret access key").fill("very-secret-key-123");
    await form.getByLabel(/Phone region/).fill("KZ");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByText("Saved.").waitFor();
    await page.reload();
    expect(await form.getByLabel("Bucket").inputValue()).toBe("call-recordings");
    expect(await form.getByLabel(/Phone region/).inputValue()).toBe("KZ");
    expect(await form.getByLabel("Secret access key").getAttribute("placeholder")).toBe("Saved; leave empty to keep it");
    expect(await page.content()).not.toContain("very-secret-key-123");
    await screenshot(page, "source-settings");

    // Another endpoint without the secret key: refused, with what to do.
    await form.getByText("On another host, enter the secret access key again").waitFor();
    await form.getByLabel("Endpoint (empty for AWS)").fill("https://minio.example.com");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form
      .getByRole("alert")
      .getByText(
        "Storage: The storage endpoint moved to another host: enter the secret access key again (a saved secret never follows an address to another host).",
      )
      .waitFor();
    await page.reload();
    expect(await form.getByLabel("Endpoint (empty for AWS)").inputValue()).toBe("");
  });

  it("sets up an Unpod source's polling from its own fields; the tokens are kept when left empty", async () => {
    const { createSource } = await import("../support/sources");
    const source = await createSource("unpod");
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, `/admin/sources/${source.slug}`);
    const form = page.getByRole("form", { name: "Source settings" });
    await form.getByRole("group", { name: "Polling Unpod's task API" }).waitFor();
    expect(await form.getByLabel("Bucket").count()).toBe(0);
    await form.getByLabel("Org handle (Org-Handle header)").fill("acme");
    await form.getByLabel("API token").fill("unpod-api-token-1");
    await form.getByLabel("Space token").fill("unpod-space-token-1");
    await form.getByLabel(/Poll every/).fill("0");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByText("Saved.").waitFor();

    await page.reload();
    expect(await form.getByLabel(/Poll every/).inputValue()).toBe("0");
    expect(await form.getByLabel("API token").getAttribute("placeholder")).toBe("Saved; leave empty to keep it");
    await form.getByLabel("Tasks per page").fill("25");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByText("Saved.").waitFor();
    const saved = await page.request.get(`${baseUrl()}/api/sources/${source.slug}`).then((r) => r.json() as Promise<{ settings: { polling: unknown } }>);
    expect(saved.settings.polling).toMatchObject({ orgHandle: "acme", apiToken: "set", spaceToken: "set", intervalSec: 0, pageSize: 25 });
    expect(await page.content()).not.toContain("unpod-api-token-1");
  });
});
