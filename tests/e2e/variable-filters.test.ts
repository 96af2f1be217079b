import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { sendAutocallsCall } from "../support/destinations";
import { baseUrl, uniq } from "../support/http";

// The filter bar's Variable control: a key the sources have sent, a comparison and a value narrow the list,
// the URL carries the filter, and a reload (or a shared link) keeps it.

const campaign = uniq("vars-e2e");
const budget = `budget_${uniq("k").slice(2)}`;

describe.skipIf(skipBrowserTests)("variable filters in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const byBudget: Record<string, string> = {};

  beforeAll(async () => {
    for (const value of ["$2,500", "9000 USD", "15,000", "not sure"]) {
      byBudget[value] = await sendAutocallsCall("autocalls", {
        recording_url: null,
        lead: null,
        campaign: { id: 1, name: campaign },
        extracted_variables: { status: true, summary: `Budget ${value}`, [budget]: value },
      });
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, baseUrl(), TEST_MANAGER, `/calls?campaign=${campaign}`);
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" });
  });
  afterAll(async () => browser?.close());

  const rowIds = async () => {
    const hrefs = await page
      .getByTestId("call-row")
      .locator("a[href^='/calls/']")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    return new Set(hrefs.map((h) => h!.split("/")[2]));
  };

  it("narrows the list to calls whose variable passes, keeps it in the URL and across a reload, and removes it", async () => {
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(4);

    await page.getByLabel("Variable", { exact: true }).selectOption(budget);
    // A key whose values are numbers starts at "at least".
    expect(await page.getByLabel("Comparison").inputValue()).toBe("gte");
    await page.getByLabel("Value").fill("lots");
    await page.getByRole("button", { name: "Add filter" }).click();
    await page.getByRole("alert").filter({ hasText: "need a number" }).waitFor();

    await page.getByLabel("Value").fill("$5,000");
    await page.getByLabel("Value").press("Enter");
    await page.waitForURL((u) => u.searchParams.get(`var.${budget}.gte`) === "$5,000");
    expect(new URL(page.url()).searchParams.get("campaign")).toBe(campaign);
    await expect.poll(rowIds).toEqual(new Set([byBudget["9000 USD"], byBudget["15,000"]]));
    const chip = page.getByRole("list", { name: "Variable filters" }).getByRole("listitem");
    expect(await chip.textContent()).toContain(`${budget} ≥ $5,000`);
    await screenshot(page, "calls-variable-filter");

    // A second filter on the same key: at most 10,000.
    await page.getByLabel("Variable", { exact: true }).selectOption(budget);
    await page.getByLabel("Comparison").selectOption("lte");
    await page.getByLabel("Value").fill("10000");
    await page.getByRole("button", { name: "Add filter" }).click();
    await page.waitForURL((u) => u.searchParams.get(`var.${budget}.lte`) === "10000");
    await expect.poll(rowIds).toEqual(new Set([byBudget["9000 USD"]]));

    await page.reload();
    await expect.poll(rowIds).toEqual(new Set([byBudget["9000 USD"]]));
    expect(await chip.count()).toBe(2);

    await page.getByRole("button", { name: `Remove filter ${budget} at least $5,000` }).click();
    await page.waitForURL((u) => !u.searchParams.has(`var.${budget}.gte`));
    await expect.poll(rowIds).toEqual(new Set([byBudget["$2,500"], byBudget["9000 USD"]]));

    // Text in any case.
    await page.getByRole("button", { name: `Remove filter ${budget} at most 10000` }).click();
    await page.waitForURL((u) => !u.searchParams.has(`var.${budget}.lte`));
    await page.getByLabel("Variable", { exact: true }).selectOption(budget);
    await page.getByLabel("Comparison").selectOption("eq");
    await page.getByLabel("Value").fill("NOT SURE");
    await page.getByLabel("Value").press("Enter");
    await expect.poll(rowIds).toEqual(new Set([byBudget["not sure"]]));
  });
});
