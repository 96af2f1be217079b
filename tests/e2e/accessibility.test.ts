import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { createDestination, deleteDestination } from "../support/destinations";
import { api, baseUrl, jsonOf, sendWebhook, uniq, type WebhookAnswer } from "../support/http";

// Every page of the signed-in app, found from the app directory (so a new page
// is checked without being listed here), at a desktop and a phone width:
// axe-core finds no serious or critical WCAG A/AA problem, and the phone page
// is no wider than the phone.

const PAGES_DIR = path.resolve("app/(dashboard)");
const WIDTHS = [1440, 390];

function pagesOf(dir: string, route = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...pagesOf(path.join(dir, entry.name), `${route}/${entry.name}`));
    else if (entry.name === "page.tsx") found.push(route || "/");
  }
  return found;
}
const ROUTES = pagesOf(PAGES_DIR).sort();

describe.skipIf(skipBrowserTests)("accessibility of every page in Chromium", () => {
  let browser: Browser;
  const pages = new Map<number, Page>();
  const ids: Record<string, string> = {};

  /** A route's address with its dynamic segments filled in by the records made below. */
  const address = (route: string) =>
    route.replace(/\[(\w+)\]/g, (_, name: string) => {
      const key = `${route.split("/[")[0]}/[${name}]`;
      const id = ids[key];
      if (!id) throw new Error(`no record to open ${route} with: add one for ${key} in beforeAll`);
      return id;
    });

  beforeAll(async () => {
    const res = await sendWebhook("cllr", {
      callId: uniq("a11y"),
      callerDetails: { name: "Josephine Alexandra Montgomery-Featherstonehaugh of Northampton", phoneNumber: "+14155550190" },
      callAnalysis: { summary: "Asked for pricing and a demo next week.", mood: "Positive", callOutcome: "Demo Scheduled" },
    });
    expect(res.status).toBe(202);
    const answer = (await res.json()) as WebhookAnswer;
    // A hot lead with a long name, so the lead cards and the call list are checked with content in them.
    const hot = await sendWebhook("unpod", {
      task_id: uniq("a11y-task"),
      status: "completed",
      input: { name: "Maximilian Bartholomew Longname-Worthington III", contact_number: "+14155550188", company_name: "Northwind Traders International" },
      output: {
        call_status: "completed",
        start_time: new Date().toISOString().replace("T", " ").replace("Z", ""),
        duration: 95,
        post_call_data: {
          summary: { summary: "Wants a proposal for 40 seats", callback_datetime: "2026-12-01T15:00:00" },
          profile_summary: { tone: "Positive", interest_level: "Very Interested", outcome: "Meeting Scheduled", next_action: "Send the proposal" },
        },
      },
    });
    expect(hot.status).toBe(202);
    const destination = await createDestination({
      kind: "webhook",
      name: uniq("a11y hook"),
      config: { url: "http://127.0.0.1:9/hook" },
      rules: { calls: "none" },
    });
    Object.assign(ids, {
      "/calls/[id]": answer.callId,
      "/admin/inbox/[id]": answer.eventId,
      "/admin/sources/[slug]": "cllr",
      "/admin/destinations/[id]": destination.id,
      "/contacts/[id]": (await jsonOf<{ contactId: string }>(api(`/api/calls/${answer.callId}`))).contactId,
    });
    browser = await launchBrowser();
    for (const width of WIDTHS) {
      // axe-core opens pages of its own in the context, which needs one made by newContext().
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      await signIn(page, baseUrl(), TEST_ADMIN, "/");
      await page.waitForURL(`${baseUrl()}/`);
      pages.set(width, page);
    }
  });
  afterAll(async () => {
    await browser?.close();
    if (ids["/admin/destinations/[id]"]) await deleteDestination(ids["/admin/destinations/[id]"]);
  });

  it("covers the main pages", () => {
    expect(ROUTES).toEqual(expect.arrayContaining(["/", "/calls", "/calls/[id]", "/hot-leads", "/account", "/admin/sources", "/admin/users"]));
  });

  for (const route of ROUTES) {
    for (const width of WIDTHS) {
      it(`${route} at ${width} px`, async () => {
        const page = pages.get(width)!;
        const res = await page.goto(`${baseUrl()}${address(route)}`);
        expect(res?.status()).toBe(200);
        await page.locator("main").waitFor();
        await page.waitForLoadState("networkidle");
        const name = `a11y${route.replaceAll(/[/[\]]+/g, "-").replace(/-$/, "") || "-overview"}-${width}`;
        await screenshot(page, name);

        // A sandboxed frame (the digest's email preview) runs no scripts: axe cannot enter it and would wait for ever.
        // What it shows is an email, checked by its own test (tests/e2e/digests.test.ts).
        const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).exclude("iframe[sandbox]").analyze();
        const serious = violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
        expect(serious).toEqual([]);

        if (width < 768) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(overflow, "page wider than the screen").toBeLessThanOrEqual(width);
        }
      });
    }
  }

  for (const width of WIDTHS) {
    it(`the sign-in page at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/login`);
      await page.getByLabel("Email").waitFor();
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await context.close();
    });
  }

  it("marks the current page in the header, and skips past it from the keyboard", async () => {
    const page = pages.get(1440)!;
    await page.goto(`${baseUrl()}/calls`);
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Calls" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).toBeNull();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("marks the overview's selected period as pressed", async () => {
    const page = pages.get(1440)!;
    await page.goto(`${baseUrl()}/`);
    const period = page.getByRole("group", { name: "Period" });
    expect(await period.getByRole("button", { name: "30 days" }).getAttribute("aria-pressed")).toBe("true");
    await period.getByRole("button", { name: "7 days" }).click();
    await page.waitForURL(`${baseUrl()}/?days=7`);
    await expect.poll(() => period.getByRole("button", { name: "7 days" }).getAttribute("aria-pressed")).toBe("true");
    expect(await period.getByRole("button", { name: "30 days" }).getAttribute("aria-pressed")).toBe("false");
  });

  it("folds the header into a menu on a phone that opens, closes on Escape, and reaches Sign out", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, baseUrl(), TEST_ADMIN, "/calls");
    await page.waitForURL(`${baseUrl()}/calls`);
    const menu = page.getByRole("button", { name: "Menu" });
    const signOut = page.getByRole("button", { name: "Sign out" });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await signOut.isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await signOut.waitFor();
    await screenshot(page, "header-menu-390");
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await menu.evaluate((b) => b === document.activeElement)).toBe(true);

    // A click beside it closes it too (the page's left margin, where nothing else is).
    await menu.click();
    await page.mouse.click(4, 840);
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");

    // Moving to another page closes the menu.
    await menu.click();
    await page.getByRole("link", { name: "Hot leads" }).click();
    await page.waitForURL(`${baseUrl()}/hot-leads`);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    await menu.click();
    await signOut.click();
    await page.waitForURL(/\/login/);
    await context.close();
  });

  it("shows calls as cards with outcome, sentiment and score on a phone", async () => {
    const page = pages.get(390)!;
    await page.goto(`${baseUrl()}/calls?provider=cllr`);
    const card = page.getByTestId("call-card").first();
    await card.waitFor();
    expect(await page.getByTestId("call-row").first().isVisible()).toBe(false);
    const text = await card.innerText();
    expect(text).toMatch(/Meeting scheduled|Interested|Callback requested|No outcome|Not interested/);
    expect(text).toMatch(/\d+/);

    // The filters below the search fold away on a phone, and say how many are on.
    const toggle = page.getByRole("button", { name: "Filters (1 on)" });
    expect(await page.getByLabel("Campaign").isVisible()).toBe(false);
    await toggle.click();
    expect(await page.getByRole("button", { name: "Hide filters" }).getAttribute("aria-expanded")).toBe("true");
    await page.getByLabel("Campaign").waitFor();
    expect(await page.getByLabel("Vendor").inputValue()).toBe("cllr");
  });
});
