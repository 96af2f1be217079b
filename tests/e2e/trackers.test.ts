import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { sendAutocallsCall } from "../support/destinations";
import { baseUrl, sql } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// An admin adds a tracker on its page, watches it reach the stored calls, and
// the call list filters by it.

describe.skipIf(skipBrowserTests)("trackers in Chromium", () => {
  let browser: Browser;
  const phrase = `zq${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const name = `Budget ${phrase.slice(2, 8)}`;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    const [row] = await sql<{ id: string }>(`SELECT id FROM trackers WHERE name = $1`, [name]);
    if (row) await asUser(TEST_ADMIN, `/api/trackers/${row.id}`, { method: "DELETE" });
  });

  it("adds a tracker, shows the backfill finish, and the call list filters by it", async () => {
    const source = await createSource("autocalls");
    const campaign = `camp${phrase}`;
    const started = new Date(Date.now() - 3_600_000);
    const matching = await sendAutocallsCall(source.slug, {
      recording_url: null,
      campaign: { name: campaign },
      created_at: started.toISOString(),
      finished_at: new Date(started.getTime() + 90_000).toISOString(),
      transcript: `AI: Hello.\nUser: Our ${phrase}s are tight this quarter.\nAI: Understood.`,
    });
    await sendAutocallsCall(source.slug, { recording_url: null, campaign: { name: campaign }, transcript: "AI: Hello.\nUser: Not today." });

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/trackers");
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" });
    const form = page.getByRole("form", { name: "New tracker" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Phrases, one per line").fill(`${phrase}*\nno budget`);
    await form.getByLabel("Whose words count").selectOption({ label: "The customer" });
    await form.getByLabel("Lead-score points").fill("15");
    await form.getByRole("button", { name: "Add tracker" }).click();

    const progress = page.getByTestId("trackers-progress");
    await progress.filter({ hasText: /starts in a few seconds|Applying the trackers/ }).waitFor();
    await page.locator('[data-testid="trackers-progress"][data-status="done"]').waitFor({ timeout: 45_000 });
    expect(await progress.textContent()).toMatch(/Trackers applied to [\d,]+ calls?; [\d,]+ changed/);
    const row = page.getByTestId("tracker-row").filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${phrase}*`);
    // Once the calls are through, the list shows the stored call the tracker now hits.
    await expect.poll(() => row.locator("td").nth(4).textContent(), { timeout: 10_000 }).toBe("1");
    await screenshot(page, "admin-trackers");

    await page.goto(`${baseUrl()}/calls?campaign=${campaign}`);
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(2);
    await expect.poll(() => page.getByLabel("Tracker").locator("option", { hasText: name }).count()).toBe(1);
    await page.getByLabel("Tracker").selectOption({ label: name });
    await page.waitForURL((u) => u.searchParams.has("tracker"));
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(1);
    const only = page.getByTestId("call-row").first();
    expect(await only.getByTestId("call-trackers").textContent()).toContain(name);
    expect(await only.locator(`a[href="/calls/${matching}"]`).count()).toBe(1);
    await screenshot(page, "calls-by-tracker");

    // A link naming two trackers (repeated) keeps both when another filter changes.
    const mine = new URL(page.url()).searchParams.get("tracker")!;
    const { trackers } = (await (await asUser(TEST_ADMIN, "/api/trackers")).json()) as { trackers: { id: string; name: string }[] };
    const pricing = trackers.find((t) => t.name === "Pricing")!.id;
    await page.goto(`${baseUrl()}/calls?campaign=${campaign}&tracker=${mine}&tracker=${pricing}`);
    await expect.poll(() => page.getByTestId("call-row").count()).toBe(1);
    await page.getByLabel("Status").selectOption({ label: "Completed" });
    await page.waitForURL((u) => u.searchParams.has("status"));
    expect(new URL(page.url()).searchParams.get("tracker")).toBe(`${mine},${pricing}`);

    // The call's page names the tracker beside its transcript, and its points with the words that earned them.
    await page.goto(`${baseUrl()}/calls/${matching}`);
    expect(await page.getByRole("list", { name: "Trackers in this call" }).textContent()).toContain(name);
    expect(await page.getByTestId("lead-signal").filter({ hasText: name }).textContent()).toContain(`${phrase}s are tight`);

    // The overview charts the share of connected calls that hit each tracker; a bar opens that day's calls with it.
    await page.goto(`${baseUrl()}/`);
    const chart = page.getByTestId("tracker-mentions");
    await chart.locator(".recharts-bar-rectangle path").first().waitFor();
    await expect.poll(() => chart.textContent()).toContain(name);
    await screenshot(page, "overview-tracker-mentions");
    await chart.locator(".recharts-bar-rectangle path").last().click();
    await page.waitForURL(/\/calls\?tracker=[0-9a-f-]{36}&status=completed&from=(\d{4}-\d{2}-\d{2})&to=\1$/);
    await page.getByTestId("call-row").first().waitFor();
  }, 120_000);
});
