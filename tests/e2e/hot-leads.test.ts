import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { api, baseUrl, jsonOf, sendWebhook, uniq, type WebhookAnswer } from "../support/http";

const naive = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

describe.skipIf(skipBrowserTests)("hot leads in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let callId: string;
  const name = `Hana ${uniq("lead")}`;

  beforeAll(async () => {
    const now = new Date(Date.now() + 60_000);
    const res = await sendWebhook("unpod", {
      task_id: uniq("task"),
      status: "completed",
      input: { name, contact_number: "+14155550188", company_name: "Northwind" },
      output: {
        call_status: "completed",
        start_time: naive(now),
        duration: 95,
        post_call_data: {
          summary: { summary: "Wants a proposal for 40 seats", callback_datetime: "2026-12-01T15:00:00" },
          profile_summary: { tone: "Positive", interest_level: "Very Interested", outcome: "Meeting Scheduled", next_action: "Send the proposal" },
          classification: { labels: ["Decision Maker"] },
        },
      },
    });
    callId = (await jsonOf<WebhookAnswer>(res)).callId;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_MANAGER, "/hot-leads");
    await page.waitForURL(/\/hot-leads$/);
  });
  afterAll(async () => browser?.close());

  it("lists the lead by score, with why it is hot and what to do next", async () => {
    const lead = page.getByTestId("hot-lead").filter({ hasText: name });
    await lead.waitFor();
    expect(await lead.getByText("Send the proposal").count()).toBe(1);
    expect(await page.getByTestId("hot-leads-total").textContent()).toMatch(/^[\d,]+ hot leads?$/);
    expect(await lead.getByLabel("Why this score").textContent()).toMatch(/Outcome.*Meeting scheduled/);
    await screenshot(page, "hot-leads");
  });

  it("drops a lead marked handled from the list; it stays findable", async () => {
    await page.getByTestId("hot-lead").filter({ hasText: name }).getByRole("button", { name: "Mark handled" }).click();
    await expect.poll(() => page.getByTestId("hot-lead").filter({ hasText: name }).count()).toBe(0);
    await page.getByRole("link", { name: "Handled" }).click();
    await page.getByTestId("hot-lead").filter({ hasText: name }).waitFor();
    const call = await jsonOf<{ isHot: boolean }>(api(`/api/calls/${callId}`));
    expect(call.isHot).toBe(true);
  });

  it("lets only signed-in people mark leads: an API key gets 403, nobody 401", async () => {
    const withKey = await api(`/api/calls/${callId}/handled`, { method: "PUT", headers: { "content-type": "application/json" }, body: '{"handled":false}' });
    expect(withKey.status).toBe(403);
    const anonymous = await fetch(`${baseUrl()}/api/calls/${callId}/handled`, { method: "PUT", body: '{"handled":false}' });
    expect(anonymous.status).toBe(401);
  });
});
