import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadFor } from "@/lib/demo/payloads";
import { scenario } from "@/lib/demo/scenario";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { baseUrl, sendWebhook, uniq } from "../support/http";

// Calls of a campaign of our own, so the assertions see only them.
const campaign = uniq("e2e");
const CALLS = 60;

describe.skipIf(skipBrowserTests)("calls page in Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    for (let i = 0; i < CALLS; i++) {
      const payload = payloadFor.autocalls(scenario(42, i));
      const res = await sendWebhook("autocalls", { ...payload, id: `${campaign}-${i}`, campaign: { id: 1, name: campaign }, lead: null });
      expect(res.status).toBe(202);
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => browser?.close());

  it("sends a signed-out visitor to sign in, and back to the calls afterwards", async () => {
    await page.goto(`${baseUrl()}/calls`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/calls");
    await screenshot(page, "login");
    await page.getByLabel("Email").fill(TEST_MANAGER.email);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("That email and password do not match an active account.").waitFor();
    await signIn(page, baseUrl(), TEST_MANAGER);
    await page.waitForURL(/\/calls$/);
    await page.getByText("manager", { exact: false }).first().waitFor();
  });

  it("filters by URL state: the URL changes and only matching calls remain", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    const rows = page.getByTestId("call-row");
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByLabel("Status").selectOption("completed");
    await page.waitForURL(/status=completed/);
    expect(new URL(page.url()).searchParams.get("campaign")).toBe(campaign);
    await rows.first().waitFor(); // the new results stream in behind a loading state
    const statuses = await rows.locator("td:nth-child(6)").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Completed"]));
    await screenshot(page, "calls-filtered");

    await page.getByLabel("Hot leads only").check();
    await page.waitForURL(/hot=true/);
    await page.reload();
    expect(await page.getByLabel("Hot leads only").isChecked()).toBe(true);
  });

  it("pages forward by cursor and shows an empty state for no matches", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    await page.getByRole("link", { name: "Next page →" }).click();
    await page.waitForURL(/cursor=/);
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(CALLS - 50);
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}&q=zzzznotaword`);
    await page.getByText("No calls match these filters").waitFor();
  });

  it("exports the filtered calls as CSV", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^calls-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Response((await download.createReadStream()) as unknown as ReadableStream).text();
    const lines = text.trim().split("\n");
    expect(lines[0]).toMatch(/^"id","started_at","provider",/);
    expect(lines).toHaveLength(CALLS + 1);
  });

  it("lets the session cookie read the API, and signs out", async () => {
    const res = await page.request.get(`${baseUrl()}/api/calls?campaign=${campaign}&limit=1`);
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(1);
    await page.goto(`${baseUrl()}/calls`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    expect((await page.request.get(`${baseUrl()}/api/calls`)).status()).toBe(401);
  });

  it("brings a signed-out visitor of a filtered view back to that view after signing in", async () => {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await signIn(fresh, baseUrl(), TEST_MANAGER, `/calls?campaign=${campaign}&status=completed`);
    await fresh.waitForURL((url) => url.pathname === "/calls" && url.searchParams.get("status") === "completed");
    expect(new URL(fresh.url()).searchParams.get("campaign")).toBe(campaign);
    await fresh.getByTestId("call-row").first().waitFor();
    await context.close();
  });
});
