import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { baseUrl, jsonOf, sendWebhook, uniq, type WebhookAnswer } from "../support/http";

// The call page's Talk card, from the vendor's times or estimated, and the
// Settings page's talk metrics backfill. No recording addresses are sent.

const at = (sec: number) => new Date(Date.UTC(2026, 10, 21, 9, 0, sec)).toISOString().replace("T", " ").replace("Z", "");

async function unpodCall(transcript: { role: string; content: string; timestamp?: string }[]): Promise<string> {
  const res = await sendWebhook("unpod", {
    task_id: uniq("task"),
    status: "completed",
    input: { name: "Talk Panel", contact_number: "+14155550188" },
    output: {
      call_type: "outbound",
      call_status: "completed",
      start_time: at(0),
      end_time: at(40),
      duration: 40,
      transcript,
      post_call_data: { summary: "Asked about a demo", tone: "Positive", outcome: "Interested" },
    },
  });
  expect(res.status).toBe(202);
  return (await jsonOf<WebhookAnswer>(res)).callId;
}

describe.skipIf(skipBrowserTests)("talk metrics in Chromium", () => {
  let browser: Browser;
  let timed: string;
  let untimed: string;

  beforeAll(async () => {
    // Start times only: agent 1-5 and 12-25 s, customer 5-12 and 25-40 s (until the call ends).
    timed = await unpodCall([
      { role: "assistant", content: "Hello, this is Aria from Acme.", timestamp: at(1) },
      { role: "user", content: "Hi! What is it about?", timestamp: at(5) },
      { role: "assistant", content: "Our new plan. Shall we book a demo? Does Thursday work?", timestamp: at(12) },
      { role: "user", content: "Yes, Thursday works for the demo.", timestamp: at(25) },
    ]);
    untimed = await unpodCall([
      { role: "assistant", content: "Hello, do you have a minute?" },
      { role: "user", content: "Sure." },
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(who: { email: string; password: string }, path: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(page, baseUrl(), who, path);
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" });
    return page;
  }

  it("shows who talked how much, the longest stretches and questions in a Talk card, and why silence needs end times", async () => {
    const page = await open(TEST_MANAGER, `/calls/${timed}`);
    const panel = page.getByTestId("talk-panel");
    await panel.waitFor();
    expect(await panel.getByRole("img", { name: "Talk ratio: agent 44%, customer 56%" }).count()).toBe(1);
    expect(await panel.getByText("Agent 17 s · 44%").count()).toBe(1);
    expect(await page.getByTestId("talk-monologue").textContent()).toBe("13 s");
    expect(await page.getByTestId("talk-customer-stretch").textContent()).toBe("15 s");
    expect(await page.getByTestId("talk-questions").textContent()).toBe("2");
    // A start alone cannot tell who talked over whom, nor the pauses: each turn lasts until the next starts.
    expect(await page.getByTestId("talk-silence").textContent()).toBe("–");
    expect(await page.getByTestId("talk-silence").getAttribute("title")).toMatch(/end time/);
    expect(await page.getByTestId("talk-interruptions").textContent()).toBe("–");
    expect(await page.getByTestId("talk-interruptions").getAttribute("title")).toMatch(/end time/);
    expect(await page.getByTestId("talk-estimated").count()).toBe(0);
    await screenshot(page, "talk-panel");
    await page.close();
  });

  it("labels metrics from a transcript without times as estimated from text length", async () => {
    const page = await open(TEST_MANAGER, `/calls/${untimed}`);
    await page.getByTestId("talk-panel").waitFor();
    expect(await page.getByText("Estimated from text length").count()).toBe(1);
    expect(await page.getByTestId("talk-questions").textContent()).toBe("1");
    expect(await page.getByTestId("talk-silence").textContent()).toBe("–");
    await screenshot(page, "talk-panel-estimated");
    await page.close();
  });

  it("lets an admin recompute talk metrics on the Settings page and follow the progress", async () => {
    const page = await open(TEST_ADMIN, "/admin/settings");
    const section = page.getByTestId("talk-metrics");
    await section.getByRole("button", { name: "Recompute talk metrics" }).click();
    await expect
      .poll(() => section.getByTestId("talk-metrics-done").textContent(), { timeout: 60_000 })
      .toMatch(/^Checked [\d,]+ calls; [\d,]+ got new talk metrics\.$/);
    await screenshot(page, "talk-metrics-settings");
    await page.close();
  });
});
