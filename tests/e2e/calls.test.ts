import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePayload } from "@/lib/providers/modules";
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
      const payload = samplePayload("autocalls", scenario(42, i));
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

  it("applies campaign, agent and minimum score on Enter, and on leaving the field", async () => {
    const param = (name: string) => new URL(page.url()).searchParams.get(name);
    await page.goto(`${baseUrl()}/calls`);
    await page.getByLabel("Campaign").fill(campaign);
    await page.getByLabel("Campaign").press("Enter");
    await page.waitForURL((url) => url.searchParams.get("campaign") === campaign);
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(50);

    await page.getByLabel("Min score").fill("0");
    await page.getByLabel("Min score").press("Enter");
    await page.waitForURL((url) => url.searchParams.get("minScore") === "0");
    expect(param("campaign")).toBe(campaign);

    await page.getByLabel("Agent").fill("nobody-by-this-name");
    await page.getByLabel("Agent").press("Enter");
    await page.waitForURL((url) => url.searchParams.get("agent") === "nobody-by-this-name");
    await page.getByText("No calls match these filters").waitFor();
    expect([param("campaign"), param("minScore")]).toEqual([campaign, "0"]);

    // Leaving the field applies it too: the agent is cleared by a click elsewhere.
    await page.getByLabel("Agent").fill("");
    await page.getByRole("heading", { name: "Calls" }).click();
    await page.waitForURL((url) => !url.searchParams.has("agent"));
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(50);
    expect(param("campaign")).toBe(campaign);
  });

  it("keeps a typed campaign when a date is picked next", async () => {
    await page.goto(`${baseUrl()}/calls`);
    await page.getByLabel("Campaign").fill(campaign);
    await page.getByLabel("From").fill("2020-01-01");
    await page.waitForURL((url) => url.searchParams.get("campaign") === campaign && url.searchParams.get("from") === "2020-01-01");
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(50);
    expect(await page.getByLabel("Campaign").inputValue()).toBe(campaign);
  });

  it("shows an exact time from a digest's link, keeps it while other filters change, and lets a day replace it", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}&from=2020-01-01T05:00:00.000Z&to=2099-01-01T05:00:00.000Z`);
    await page.getByText("Jan 1, 2020, 05:00 UTC").waitFor();
    await page.getByText("Jan 1, 2099, 05:00 UTC").waitFor();
    await page.getByLabel("Min score").fill("0");
    await page.getByLabel("Min score").press("Enter");
    await page.waitForURL((url) => url.searchParams.get("minScore") === "0");
    expect(new URL(page.url()).searchParams.get("from")).toBe("2020-01-01T05:00:00.000Z");
    await page.getByRole("button", { name: "From: pick a day instead" }).click();
    // An empty date box in its place, with the keyboard's focus; the day picked replaces the exact time.
    expect(await page.getByLabel("From").evaluate((box) => box === document.activeElement)).toBe(true);
    await page.getByLabel("From").fill("2020-01-02");
    await page.waitForURL((url) => url.searchParams.get("from") === "2020-01-02");
    expect(new URL(page.url()).searchParams.get("to")).toBe("2099-01-01T05:00:00.000Z");
  });

  it("keeps a period preset relative in the URL, and marks it pressed", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}&from=2020-01-01`);
    await page.getByRole("button", { name: "7 days" }).click();
    await page.waitForURL((url) => url.searchParams.get("period") === "7d");
    const url = new URL(page.url());
    expect([url.searchParams.get("from"), url.searchParams.get("to"), url.searchParams.get("campaign")]).toEqual([null, null, campaign]);
    await page.reload();
    expect(await page.getByRole("button", { name: "7 days" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("button", { name: "30 days" }).getAttribute("aria-pressed")).toBe("false");
  });

  it("shows that new results are on their way while a filter change is pending", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    await page.getByTestId("call-row").first().waitFor();
    // The server's answer to the client-side navigation is held back, so the pending state can be seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === "/calls",
      async (route) => {
        if (route.request().headers().rsc === "1") await held;
        await route.continue();
      },
    );
    await page.getByLabel("Sentiment").selectOption("positive");
    const results = page.getByTestId("calls-results");
    await expect.poll(() => results.getAttribute("aria-busy")).toBe("true");
    await page.getByRole("progressbar", { name: "Loading calls" }).waitFor();
    await screenshot(page, "calls-pending");
    release();
    await page.waitForURL(/sentiment=positive/);
    await expect.poll(() => results.getAttribute("aria-busy")).toBe("false");
    await page.unrouteAll();
  });

  it("goes back to the first page from the second with the previous-page link", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    const hrefs = () =>
      page
        .getByTestId("call-row")
        .locator(`td:nth-child(2) a[href^="/calls/"]`)
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(50);
    // The total streams in beside the rows, the same on every page of the list.
    await expect.poll(() => page.getByTestId("calls-total").textContent()).toBe(`${CALLS} calls`);
    const firstPage = await hrefs();
    await page.getByRole("link", { name: "Next page →" }).click();
    await page.waitForURL(/cursor=/);
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(CALLS - 50);
    await expect.poll(() => page.getByTestId("calls-total").textContent()).toBe(`${CALLS} calls`);
    await page.getByRole("link", { name: "← Previous page" }).click();
    await expect.poll(hrefs).toEqual(firstPage);
    expect(new URL(page.url()).searchParams.get("campaign")).toBe(campaign);
  });

  it("sorts by a column heading and says so to assistive technology", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    const time = page.getByRole("columnheader", { name: /Time/ });
    expect(await time.getAttribute("aria-sort")).toBe("descending");
    await page.getByRole("link", { name: /Lead score/ }).click();
    await page.waitForURL(/sort=score/);
    await expect.poll(() => page.getByRole("columnheader", { name: /Lead score/ }).getAttribute("aria-sort")).toBe("descending");
    expect(await page.getByRole("columnheader", { name: /Time/ }).getAttribute("aria-sort")).toBe("none");
    expect(new URL(page.url()).searchParams.get("campaign")).toBe(campaign);
  });

  it("opens a call from a click anywhere on its row", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    const row = page.getByTestId("call-row").first();
    const href = await row.locator(`td:nth-child(2) a[href^="/calls/"]`).getAttribute("href");
    await row.locator("td:nth-child(3)").click();
    await page.waitForURL(`${baseUrl()}${href}`);
    await page.getByTestId("lead-score").waitFor();
  });

  it("answers an unknown or malformed call id with a not-found page and a way back", async () => {
    for (const id of ["01900000-0000-7000-8000-000000000000", "not-a-call"]) {
      const res = await page.goto(`${baseUrl()}/calls/${id}`);
      expect(res?.status(), id).toBe(404);
      await page.getByRole("heading", { name: "This call does not exist" }).waitFor();
    }
    await screenshot(page, "call-not-found");
    await page.getByRole("link", { name: "Back to all calls" }).click();
    await page.waitForURL(`${baseUrl()}/calls`);
    const res = await page.goto(`${baseUrl()}/no-such-page`);
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { name: "This page does not exist" }).waitFor();
  });

  it("offers existing campaigns as suggestions while typing", async (ctx) => {
    const probe = await page.request.get(`${baseUrl()}/api/calls/suggestions?field=campaign&q=e2e`);
    // The suggestions API comes with the list backend; until it is there the field works without suggestions (the tests above).
    if (probe.status() === 404) ctx.skip();
    await page.goto(`${baseUrl()}/calls`);
    const field = page.getByLabel("Campaign");
    await field.pressSequentially(campaign.slice(0, 6).toUpperCase());
    const listId = await field.getAttribute("list");
    await expect
      .poll(() => page.locator(`datalist[id="${listId}"] option`).evaluateAll((options) => options.map((o) => o.getAttribute("value"))))
      .toContain(campaign);
  });

  it("turns an expired page link into a link back to the first page", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}&cursor=not-a-cursor`);
    await page.getByText("This page link has expired").waitFor();
    await page.getByRole("link", { name: "Start again from the first page" }).click();
    await page.waitForURL((url) => url.searchParams.get("campaign") === campaign && !url.searchParams.has("cursor"));
    await expect.poll(() => page.getByTestId("call-row").count(), { timeout: 10_000 }).toBe(50);
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
