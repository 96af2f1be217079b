import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { api, baseUrl, jsonOf, sendWebhook, uniq, type WebhookAnswer } from "../support/http";

// A manager corrects what the AI said on the call page; the overview (read
// from the rollups) follows, and the AI's value stays in view.

const naive = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

describe.skipIf(skipBrowserTests)("reviewing a call in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let callId: string;
  const name = `Omar ${uniq("review")}`;

  const meetings = async () => {
    await page.goto(`${baseUrl()}/`);
    const text = await page.getByTestId("kpi-meetings").locator("p").nth(1).textContent();
    return Number(text?.replace(/\D/g, ""));
  };

  /** The Unpod row's meetings on the Compare page (vendors, last 7 days). */
  const compareMeetings = async () => {
    await page.goto(`${baseUrl()}/compare?by=vendor&days=7`);
    await page.getByTestId("compare-row").first().waitFor();
    return page.evaluate(() => {
      const heads = [...document.querySelectorAll("[data-testid=compare-table] thead th")].map((th) => th.textContent?.trim() ?? "");
      const column = heads.findIndex((h) => /^Meetings/.test(h));
      const row = [...document.querySelectorAll("[data-testid=compare-row]")].find((r) => r.querySelector("th")?.textContent?.trim().startsWith("Unpod"));
      return Number(row?.children[column]?.querySelector("span")?.textContent?.replace(/\D/g, "") ?? Number.NaN);
    });
  };

  beforeAll(async () => {
    const res = await sendWebhook("unpod", {
      task_id: uniq("task"),
      status: "completed",
      input: { name, contact_number: "+14155550177", company_name: "Contoso" },
      output: {
        call_status: "completed",
        start_time: naive(new Date(Date.now() - 3_600_000)),
        duration: 120,
        post_call_data: {
          summary: { summary: "Asked for pricing by email" },
          profile_summary: { tone: "Neutral", interest_level: "Medium", outcome: "Interested", next_action: "Email the price list" },
        },
      },
    });
    callId = (await jsonOf<WebhookAnswer>(res)).callId;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await signIn(page, baseUrl(), TEST_MANAGER, "/");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"), { waitUntil: "commit" });
  });
  afterAll(async () => browser?.close());

  it("corrects the outcome on the call page; the overview and the Compare page count the meeting, the AI's word stays shown", async () => {
    const before = await meetings();
    const compared = await compareMeetings();
    await page.goto(`${baseUrl()}/calls/${callId}`);
    const panel = page.getByRole("form", { name: "Review" });
    await panel.getByLabel("Outcome").selectOption("meeting_scheduled");
    await panel.getByLabel("Note").fill("Booked a demo at the end; the AI missed it.");
    await panel.getByRole("button", { name: "Save and mark reviewed" }).click();
    await panel.getByText("Corrected · AI said: Interested").waitFor();
    await panel.getByTestId("reviewed-by").waitFor();
    expect(await page.getByText("Corrected", { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, "call-review");

    const call = await jsonOf<{ outcome: string; review: { ai: { outcome: string }; note: string } }>(api(`/api/calls/${callId}`));
    expect(call).toMatchObject({
      outcome: "meeting_scheduled",
      review: { ai: { outcome: "interested" }, note: "Booked a demo at the end; the AI missed it." },
    });
    expect(await meetings()).toBe(before + 1);
    expect(await compareMeetings()).toBe(compared + 1);
  });

  it("finds the call under Corrected and no longer under To review", async () => {
    await page.goto(`${baseUrl()}/calls`);
    await page.getByRole("link", { name: "Corrected" }).click();
    await page.waitForURL(/corrected=yes/);
    await page.getByTestId("call-row").filter({ hasText: name }).first().waitFor();
    await page.getByRole("link", { name: "To review" }).click();
    await page.waitForURL(/review=todo/);
    expect(await page.getByRole("link", { name: "To review" }).getAttribute("aria-current")).toBe("page");
    const toReview = await jsonOf<{ items: { id: string }[] }>(api(`/api/calls?review=todo&q=${encodeURIComponent(name)}`));
    expect(toReview.items.map((c) => c.id)).not.toContain(callId);
  });
});
