import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCalls } from "@/lib/demo/seed";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { baseUrl, sql } from "../support/http";

// The demo data npm start adds speaks: a connected demo call plays its
// recording from the archive (the vendor's address is made up), the line
// being said is highlighted as it plays, and a click on a line jumps there.

describe.skipIf(skipBrowserTests)("demo calls in Chromium", () => {
  let browser: Browser;
  let callId: string;
  let lines: { text: string; atMs: number }[];

  beforeAll(async () => {
    // Calls of their own (from number 5,000 on): the demo seed's own test adds the first ones.
    await seedDemoCalls(20, () => {}, { first: 5000 });
    // A Hooman call: its vendor sends the time of every line, as the clips' manifest gives it.
    const [call] = await sql<{ id: string; turns: { text: string; atMs: number }[] }>(
      `SELECT c.id, t.turns FROM calls c JOIN transcripts t ON t.call_id = c.id JOIN recording_archives a ON a.call_id = c.id
       JOIN raw_events e ON e.call_id = c.id
       WHERE c.provider = 'hooman' AND a.status = 'stored' AND e.headers->>'user-agent' = 'demo-data' AND jsonb_array_length(t.turns) >= 3
       ORDER BY c.started_at DESC LIMIT 1`,
    );
    callId = call.id;
    lines = call.turns;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(() => browser?.close());

  async function open(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(page, baseUrl(), TEST_MANAGER, `/calls/${callId}`);
    await page.waitForURL(new RegExp(`/calls/${callId}$`));
    return page;
  }

  const activeLine = (page: Page) => page.locator('[data-testid="transcript-line"][aria-current="true"]').textContent();

  it("plays from the archive with a waveform, the spoken line highlighted as the audio goes on", async () => {
    const page = await open();
    await page.getByTestId("waveform").waitFor();
    expect(await page.getByTestId("recording-note").textContent()).toMatch(/^Archived copy · Ogg · \d+ KB · 0:\d\d$/);
    expect(Number(await page.getByTestId("waveform").getAttribute("data-points"))).toBeGreaterThan(100);

    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => activeLine(page), { timeout: 10_000 }).toContain(lines[0].text);
    // The second line is highlighted once the audio reaches the time it is spoken at, not before.
    await expect.poll(() => activeLine(page), { timeout: lines[1].atMs + 10_000 }).toContain(lines[1].text);
    const heard = await page.evaluate(() => document.querySelector("audio")!.currentTime * 1000);
    expect(heard).toBeGreaterThanOrEqual(lines[1].atMs - 300);
    await screenshot(page, "demo-call-playing");
  });

  it("jumps to a line when it is clicked", async () => {
    const page = await open();
    const last = lines.length - 1;
    await page.getByTestId("transcript-line").nth(last).click();
    await expect.poll(() => activeLine(page), { timeout: 10_000 }).toContain(lines[last].text);
    const at = await page.evaluate(() => document.querySelector("audio")!.currentTime * 1000);
    expect(at).toBeGreaterThanOrEqual(lines[last].atMs - 50);
    expect(at).toBeLessThan(lines[last].atMs + 5_000);
  });
});
