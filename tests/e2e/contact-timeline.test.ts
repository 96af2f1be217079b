import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { baseUrl, sendWebhook, uniq } from "../support/http";

// From a hot lead to its contact's timeline: every call with the number, from
// every vendor, newest first, HubTalk's dial attempts as one entry.

const naive = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

describe.skipIf(skipBrowserTests)("contact timeline in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const name = `Ines ${uniq("contact")}`;
  const digits = `1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

  beforeAll(async () => {
    const now = Date.now();
    const groupKey = randomUUID();
    for (const attempt of [1, 2]) {
      const at = new Date(now - 2 * 86_400_000 + attempt * 15 * 60_000);
      const res = await sendWebhook("hubtalk", {
        ...fixture<Record<string, unknown>>("hubtalk/full-example.json"),
        call_event_uuid: randomUUID(),
        call_uuid: groupKey,
        attempt_number: attempt,
        phone_number: digits,
        call_datetime: at.toISOString(),
        end_datetime: new Date(at.getTime() + 101_000).toISOString(),
      });
      expect(res.status).toBe(202);
    }
    const lead = await sendWebhook("unpod", {
      task_id: uniq("task"),
      status: "completed",
      input: { name, contact_number: `+${digits}`, company_name: "Northwind" },
      output: {
        call_status: "completed",
        start_time: naive(new Date(now + 60_000)),
        duration: 95,
        post_call_data: {
          summary: {
            summary: "Wants a proposal for 40 seats after two missed calls",
            callback_datetime: naive(new Date(now + 3 * 86_400_000)).replace(" ", "T"),
          },
          profile_summary: { tone: "Positive", interest_level: "Very Interested", outcome: "Meeting Scheduled", next_action: "Send the proposal" },
        },
      },
    });
    expect(lead.status).toBe(202);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_MANAGER, "/hot-leads");
    await page.waitForURL(/\/hot-leads$/);
  });
  afterAll(async () => browser?.close());

  it("opens a hot lead's contact timeline with every call of the number", async () => {
    const lead = page.getByTestId("hot-lead").filter({ hasText: name });
    await lead.getByRole("link", { name: "Contact timeline" }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getByTestId("contact-call-count").textContent()).toBe("3 calls");
    expect(await page.getByTestId("contact-next-step").textContent()).toContain("Send the proposal");
    const entries = page.getByRole("list", { name: "Calls, newest first" }).locator(":scope > li");
    // The timeline streams in after the header.
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.nth(0).textContent()).toContain("Wants a proposal for 40 seats");
    expect(await entries.nth(1).getByText("2 attempts").count()).toBe(1);
    expect(await entries.nth(1).getByTestId("timeline-call").count()).toBe(2);
    // Times switch to the browser's zone after hydration.
    await expect.poll(() => page.locator("time").first().textContent()).not.toMatch(/UTC$/);
    await page.screenshot({ path: "/tmp/contact-timeline.png", fullPage: true });
    await screenshot(page, "contact-timeline");
  });

  it("links each call, the call page links back, and the call list's number opens the contact", async () => {
    const contactPath = new URL(page.url()).pathname;
    const links = page.getByRole("list", { name: "Calls, newest first" }).getByRole("link");
    await expect.poll(() => links.count()).toBe(3);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) expect(href).toMatch(/^\/calls\/[0-9a-f-]{36}$/);
    // The call page names its contact (read as HTML: the page itself is call-page.test's).
    expect(await (await page.request.get(`${baseUrl()}${hrefs[0]}`)).text()).toContain(`href="${contactPath}"`);
    await page.goto(`${baseUrl()}/calls?q=${digits}`);
    await page
      .getByRole("link", { name: /all calls with this number/ })
      .first()
      .click();
    await page.waitForURL(`${baseUrl()}${contactPath}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
  });
});
