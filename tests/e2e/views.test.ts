import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { baseUrl, jsonOf, sql, uniq } from "../support/http";
import { ownCalls, type OwnCalls } from "../support/own-calls";
import { newPerson, type Person } from "../support/people";
import { asUser } from "../support/session";

// Saved views in Chromium: filters set on Calls (and on Hot leads) saved under
// a name from the Views menu, opened again from it onto their URL with the
// list narrowed, shared with the team, renamed and deleted; the menu works by
// keyboard and at phone width.

describe.skipIf(skipBrowserTests)("saved views in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let calls: OwnCalls;
  let me: Person;
  let teammate: Person;
  const campaign = uniq("Views e2e");
  const ids: Record<"first" | "second" | "other", string> = { first: "", second: "", other: "" };

  beforeAll(async () => {
    calls = await ownCalls();
    ids.first = await calls.send(campaign, { minutesAgo: 5, name: "Nadia Views" });
    ids.second = await calls.send(campaign, { minutesAgo: 8, name: "Omar Views" });
    ids.other = await calls.send(uniq("Elsewhere"), { minutesAgo: 6, name: "Pia Elsewhere" });
    [me, teammate] = await Promise.all([newPerson("manager", "views-e2e"), newPerson("manager", "views-mate")]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(10_000);
    await signIn(page, baseUrl(), me, "/calls");
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" });
  });
  afterAll(async () => {
    await browser?.close();
    if (me) await sql("DELETE FROM saved_views WHERE owner_id = $1", [me.id]);
    await calls?.remove();
  });

  /** Which of this file's calls the list (call rows, or hot lead cards) shows. */
  const shown = async (testId: "call-row" | "hot-lead") => {
    const hrefs = await page
      .getByTestId(testId)
      .locator("a[href^='/calls/']")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    const all = new Set(hrefs.map((h) => h!.split("/")[2].split("#")[0]));
    return Object.entries(ids)
      .filter(([, id]) => all.has(id))
      .map(([key]) => key)
      .sort();
  };
  const menuButton = () => page.getByRole("button", { name: "Views", exact: true });
  const menu = () => page.getByRole("dialog", { name: "Saved views" });
  const openMenu = async () => {
    await menuButton().click();
    await menu().waitFor();
    await menu().getByText("Loading views…").waitFor({ state: "detached" });
    await expectBelow(menuButton(), menu());
  };
  const saveView = async (name: string) => {
    await menu().getByRole("button", { name: "Save current view…" }).click();
    await menu().getByLabel("Name", { exact: true }).fill(name);
    await menu().getByRole("button", { name: "Save view" }).click();
  };
  const setCampaign = async () => {
    await page.getByLabel("Campaign").fill(campaign);
    await page.getByLabel("Campaign").press("Enter");
    await page.waitForURL((u) => u.searchParams.get("campaign") === campaign);
  };

  it("saves the Calls filters, refuses a name in use inline, and opens the view again from the menu after a reload", { timeout: 60_000 }, async () => {
    await openMenu();
    const teamViews = await sql("SELECT 1 FROM saved_views WHERE shared LIMIT 1");
    if (teamViews.length === 0) await menu().getByText("No saved views yet: set filters, then save them here.").waitFor();
    // The arrow keys move through the menu's controls; Escape closes it and gives focus back to its button.
    await menuButton().focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Save current view…");
    await page.keyboard.press("Escape");
    await menu().waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Views");

    await setCampaign();
    await expect.poll(() => shown("call-row")).toEqual(["first", "second"]);
    await openMenu();
    await saveView("Solar callbacks");
    await menu().getByRole("status").filter({ hasText: "Saved “Solar callbacks”." }).waitFor();
    const saved = menu().getByRole("link", { name: /Solar callbacks/ });
    expect(await saved.getAttribute("aria-current")).toBe("page");
    expect(await saved.getAttribute("href")).toBe(`/calls?${new URLSearchParams({ campaign })}`);

    await saveView("Solar callbacks");
    const refusal = menu().getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('You already have a view named "Solar callbacks"');
    await menu().getByRole("button", { name: "Cancel" }).click();
    await screenshot(page, "views-menu-desktop");

    await page.goto(`${baseUrl()}/calls`);
    await page.reload();
    await expect.poll(() => shown("call-row")).toContain("other");
    await openMenu();
    expect(
      await menu()
        .getByRole("link", { name: /Solar callbacks/ })
        .getAttribute("aria-current"),
    ).toBeNull();
    await menu()
      .getByRole("link", { name: /Solar callbacks/ })
      .click();
    await page.waitForURL((u) => u.pathname === "/calls" && u.searchParams.get("campaign") === campaign);
    await menu().waitFor({ state: "hidden" });
    expect(await page.getByLabel("Campaign").inputValue()).toBe(campaign);
    await expect.poll(() => shown("call-row")).toEqual(["first", "second"]);
    // Beside the button, the page says which view it shows, after a reload too.
    await page.reload();
    await expect.poll(() => page.getByTestId("current-view").textContent()).toBe("Solar callbacks");
  });

  it("shares a view with the team, who see it under Team views with its owner's name, and renames it", { timeout: 60_000 }, async () => {
    await openMenu();
    const row = menu().getByTestId("saved-view").filter({ hasText: "Solar callbacks" });
    await row.getByRole("button", { name: "Share Solar callbacks with the team" }).click();
    await row.getByText("Shared with the team").waitFor();
    const theirs = (await jsonOf<{ views: { name: string; mine: boolean; owner: { id: string } }[] }>(asUser(teammate, "/api/views"))).views;
    expect(theirs.find((v) => v.name === "Solar callbacks")).toMatchObject({ mine: false, owner: { id: me.id } });

    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(other, baseUrl(), teammate, "/calls");
    await other.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" });
    await other.getByRole("button", { name: "Views", exact: true }).click();
    const team = other.getByRole("region", { name: "Team views" });
    await team.getByRole("link", { name: /Solar callbacks/ }).waitFor();
    expect(await team.getByTestId("saved-view").filter({ hasText: "Solar callbacks" }).textContent()).toContain("By Test Person");
    // Someone else's view: no rename, share or delete.
    expect(await team.getByRole("button", { name: /Solar callbacks/ }).count()).toBe(0);
    await other.close();

    await row.getByRole("button", { name: "Rename Solar callbacks" }).click();
    await menu().getByLabel("New name").fill("Solar callbacks (team)");
    await menu().getByLabel("New name").press("Enter");
    await menu()
      .getByRole("link", { name: /Solar callbacks \(team\)/ })
      .waitFor();
    await page.keyboard.press("Escape");
  });

  it("saves and opens a Hot leads view, and deletes it after asking", { timeout: 60_000 }, async () => {
    await page.goto(`${baseUrl()}/hot-leads`);
    await expect.poll(() => shown("hot-lead")).toEqual(["first", "other", "second"]);
    await setCampaign();
    await expect.poll(() => shown("hot-lead")).toEqual(["first", "second"]);
    await openMenu();
    await saveView("Hot solar");
    await menu()
      .getByRole("link", { name: /Hot solar/ })
      .waitFor();

    await page.goto(`${baseUrl()}/hot-leads`);
    await openMenu();
    // Views of the other page say where they open.
    expect(await menu().getByTestId("saved-view").filter({ hasText: "Solar callbacks (team)" }).textContent()).toContain("Calls");
    await menu()
      .getByRole("link", { name: /Hot solar/ })
      .click();
    await page.waitForURL((u) => u.pathname === "/hot-leads" && u.searchParams.get("campaign") === campaign);
    await expect.poll(() => shown("hot-lead")).toEqual(["first", "second"]);
    expect(await page.getByLabel("Campaign").inputValue()).toBe(campaign);
    await screenshot(page, "views-hot-leads-desktop");

    await openMenu();
    const row = menu().getByTestId("saved-view").filter({ hasText: "Hot solar" });
    await row.getByRole("button", { name: "Delete Hot solar" }).click();
    await row.getByText("Delete “Hot solar”? This cannot be undone.").waitFor();
    await row.getByRole("button", { name: "Delete view" }).click();
    await menu()
      .getByRole("link", { name: /Hot solar/ })
      .waitFor({ state: "detached" });
    expect(await sql("SELECT 1 FROM saved_views WHERE owner_id = $1 AND name = 'Hot solar'", [me.id])).toHaveLength(0);
    await page.keyboard.press("Escape");
  });

  it("works at phone width", async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    await signIn(phone, baseUrl(), me, `/calls?campaign=${encodeURIComponent(campaign)}`);
    await phone.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" });
    await phone.getByRole("button", { name: "Views", exact: true }).click();
    const panel = phone.getByRole("dialog", { name: "Saved views" });
    await panel.getByRole("link", { name: /Solar callbacks/ }).waitFor();
    await expectBelow(phone.getByRole("button", { name: "Views", exact: true }), panel);
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await screenshot(phone, "views-menu-phone");
    await phone.goto(`${baseUrl()}/hot-leads?campaign=${encodeURIComponent(campaign)}`);
    await phone.getByTestId("hot-lead").first().waitFor();
    await screenshot(phone, "views-hot-leads-phone");
    await phone.close();
  });
});

/** The menu hangs below its button, however long its list: never over the button or off the top of the screen. */
async function expectBelow(button: Locator, panel: Locator) {
  const [b, p] = await Promise.all([button.boundingBox(), panel.boundingBox()]);
  expect(p!.y).toBeGreaterThanOrEqual(b!.y + b!.height);
}
