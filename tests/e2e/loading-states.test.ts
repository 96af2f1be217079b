import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { baseUrl } from "../support/http";

// A page's data is held back by locking the table it reads (the page's shell
// reads none of it), so what the page shows while it waits can be seen: its
// skeleton, in place of the old list, without the page reloading.

/** Locks `table` against reads until the returned function is called. */
async function holdTable(table: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
}

describe.skipIf(skipBrowserTests)("loading states in Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(10_000);
    await signIn(page, baseUrl(), TEST_ADMIN, "/");
    await page.getByTestId("kpi-calls").waitFor();
  });
  afterAll(async () => browser?.close());

  /** Marks the loaded document, so a full reload (which would lose the mark) can be told apart from a move within the app. */
  const markDocument = () => page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const stayedOnDocument = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

  it("shows the overview's skeleton while another period loads, then its figures", async () => {
    await markDocument();
    const release = await holdTable("daily_outcome_stats");
    try {
      await page.getByRole("button", { name: "90 days" }).click();
      await page.getByLabel("Loading the overview").waitFor();
      expect(await page.getByTestId("kpi-calls").count()).toBe(0);
      await screenshot(page, "overview-loading");
    } finally {
      await release();
    }
    await page.getByTestId("kpi-calls").waitFor();
    expect(await page.getByLabel("Loading the overview").count()).toBe(0);
    expect(new URL(page.url()).searchParams.get("days")).toBe("90");
    expect(await page.getByRole("button", { name: "90 days" }).getAttribute("aria-pressed")).toBe("true");
    expect(await stayedOnDocument()).toBe(true);
  });

  it("filters the inbox without reloading the page, showing a skeleton until the events come", async () => {
    await page.goto(`${baseUrl()}/admin/inbox`);
    await page.getByRole("form", { name: "Filter events" }).waitFor();
    await markDocument();
    const release = await holdTable("raw_events");
    try {
      await page.getByLabel("Status").selectOption("failed");
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/\/admin\/inbox\?.*status=failed/);
      await page.getByLabel("Loading events").waitFor();
      await screenshot(page, "inbox-loading");
    } finally {
      await release();
    }
    await page.getByLabel("Loading events").waitFor({ state: "detached" });
    // Either failed events with their total, or the empty state for this filter.
    await page.getByTestId("list-total").or(page.getByText("No events match these filters.")).waitFor();
    expect(await page.getByLabel("Status").inputValue()).toBe("failed");
    expect(await stayedOnDocument()).toBe(true);
    // Back shows the list before the filter, and the filter fields say so too.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === "/admin/inbox" && !url.searchParams.has("status"));
    await expect.poll(() => page.getByLabel("Status").inputValue()).toBe("");
  });

  it("says in words when a page's data cannot be read, and loads it again on Try again", async () => {
    // The inbox's table is away for a moment (no other test runs meanwhile: files run one at a time).
    const sql = new pg.Client({ connectionString: inject("databaseUrl") });
    await sql.connect();
    await sql.query("ALTER TABLE raw_events RENAME TO raw_events_away");
    try {
      await page.goto(`${baseUrl()}/admin/inbox`);
      const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded" });
      await alert.waitFor();
      // The header stays, and nothing of the server's error reaches the page.
      await page.getByRole("link", { name: "Inbox" }).first().waitFor();
      expect(await page.content()).not.toContain("raw_events");
      await screenshot(page, "page-error");
    } finally {
      await sql.query("ALTER TABLE raw_events_away RENAME TO raw_events");
      await sql.end();
    }
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("form", { name: "Filter events" }).waitFor();
    await page.getByTestId("list-total").or(page.getByText("No events match these filters.")).waitFor();
    expect(await page.getByText("This page could not be loaded").count()).toBe(0);
  });
});
