import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { dayIn } from "@/lib/follow-ups/day-groups";
import { baseUrl, sql, uniq } from "../support/http";

// The follow-up queue as a manager uses it in Chromium: the start page after
// signing in, then done, snooze, assign and note on real rows, at desktop and
// phone widths.

const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** 15:00 tomorrow in a time zone, as an instant. */
function tomorrowAtThree(timeZone: string): Date {
  const today = dayIn(new Date(), timeZone);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1, 15)).toISOString().slice(0, 10);
  const offset = new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(new Date(`${tomorrow}T12:00:00Z`))
    .find((p) => p.type === "timeZoneName")!
    .value.replace("GMT", "");
  return new Date(`${tomorrow}T15:00:00${offset || "Z"}`);
}

/**
 * A call whose callback is years overdue (so it sits at the top of the queue, above every call other test
 * files left there), or at `callbackAt`, assigned to `assigneeId` (a view of one's own, whatever the queue holds).
 */
async function overdueCall(sourceId: string, name: string, minutesAgo: number, callbackAt?: Date, assigneeId: string | null = null): Promise<string> {
  const id = randomUUID();
  const phone = `+1202555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const startedAt = new Date(Date.now() - 3 * YEAR - 10 * DAY);
  const [contact] = await sql<{ id: string }>(
    `INSERT INTO contacts (id, phone) VALUES (gen_random_uuid(), $1)
     ON CONFLICT (phone) DO UPDATE SET phone = excluded.phone RETURNING id`,
    [phone],
  );
  await sql(
    `INSERT INTO calls (id, source_id, provider, external_id, status, started_at, event_at, content_hash, updated_at, contact_id,
                        customer_phone, customer_name, summary, callback_at, is_hot, lead_score, next_action, assignee_id)
     VALUES ($1::uuid, $2, 'unpod', $1::text, 'completed', $3, $3, 'h', now(), $4, $5, $6, $7, $8, true, 88, 'Send the proposal', $9)`,
    [
      id,
      sourceId,
      startedAt,
      contact.id,
      phone,
      name,
      `${name} wants a proposal for 40 seats`,
      callbackAt ?? new Date(Date.now() - 3 * YEAR - minutesAgo * 60_000),
      assigneeId,
    ],
  );
  return id;
}

describe.skipIf(skipBrowserTests)("follow-ups in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const names = { done: `Dora ${uniq("fu")}`, snooze: `Sam ${uniq("fu")}`, assign: `Ada ${uniq("fu")}`, tomorrow: `Tom ${uniq("fu")}` };
  const card = (name: string) => page.getByTestId("follow-up").filter({ hasText: name });

  let source: { id: string };
  beforeAll(async () => {
    [source] = await sql<{ id: string }>(
      `INSERT INTO sources (id, slug, name, provider, secret_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, 'unpod', 'x', now()) RETURNING id`,
      [uniq("fu-e2e")],
    );
    await overdueCall(source.id, names.done, 3);
    await overdueCall(source.id, names.snooze, 2);
    await overdueCall(source.id, names.assign, 1);
    const [manager] = await sql<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [TEST_MANAGER.email]);
    await overdueCall(source.id, names.tomorrow, 0, tomorrowAtThree("America/New_York"), manager.id);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    // Shorter than the test's own timeout, so a failure names the step and locator that did not come.
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    // Its calls were written around the pipeline (no rollups): they go with their source, so other files' totals hold.
    await sql(`DELETE FROM sources WHERE id = $1`, [source.id]);
  });

  it("is where a manager lands after signing in, with the header's count of what is due", async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Email").fill(TEST_MANAGER.email);
    await page.getByLabel("Password").fill(TEST_MANAGER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl()}/follow-ups`);
    expect(
      Number(
        (
          await page
            .getByRole("navigation", { name: "Main" })
            .getByRole("link", { name: /Follow-ups/ })
            .getByTestId("nav-badge")
            .textContent()
        )?.replace(/\D/g, ""),
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId("follow-up-total").textContent()).toMatch(/^[\d,]+ to follow up, [\d,]+ overdue$/);
    const overdue = page.locator("section", { has: page.getByRole("heading", { name: "Overdue" }) });
    await overdue.getByTestId("follow-up").filter({ hasText: names.done }).waitFor();
    const text = await card(names.done).textContent();
    expect(text).toContain("Callback asked for");
    expect(text).toContain("Hot lead, score 88");
    expect(text).toContain("Overdue since");
    expect(await card(names.done).locator('a[href^="tel:+1202555"]').count()).toBe(1);
    await screenshot(page, "follow-ups-1440");
  });

  it("marks one done: it leaves the queue and is listed under Done", async () => {
    await card(names.done).getByRole("button", { name: "Mark done" }).click();
    await expect.poll(() => card(names.done).count()).toBe(0);
    await page.getByRole("link", { name: "Done", exact: true }).click();
    await card(names.done).waitFor();
    await page.getByRole("link", { name: "To do" }).click();
    await page.waitForURL(`${baseUrl()}/follow-ups`);
  });

  it("snoozes one to tomorrow 9:00: it moves to Snoozed", async () => {
    await card(names.snooze).getByText("Snooze…").click();
    await card(names.snooze).getByRole("button", { name: "Tomorrow 9:00" }).click();
    await expect.poll(() => card(names.snooze).count()).toBe(0);
    await page.getByRole("link", { name: "Snoozed" }).click();
    await card(names.snooze).waitFor();
    expect(await card(names.snooze).textContent()).toMatch(/Snoozed until .*9:00 AM/);
    await page.getByRole("link", { name: "To do" }).click();
    await page.waitForURL(`${baseUrl()}/follow-ups`);
  });

  it("assigns one to a person and keeps a note on it", async () => {
    await card(names.assign).getByLabel("Assigned to").selectOption({ label: "Manager" });
    await expect.poll(() => card(names.assign).textContent()).toContain("Assigned to Manager");
    await card(names.assign).getByText("Add note").click();
    await card(names.assign).getByLabel("Note").fill("Asked for Dana in purchasing; call after 2 pm");
    await card(names.assign).getByRole("button", { name: "Save note" }).click();
    await expect.poll(() => card(names.assign).locator("blockquote").textContent()).toContain("Asked for Dana in purchasing");
    await page.getByRole("link", { name: "Assigned to me" }).click();
    await page.waitForURL(/assignee=me/);
    await card(names.assign).waitFor();
    await page.getByRole("link", { name: "Everyone's" }).click();
    await page.waitForURL(`${baseUrl()}/follow-ups`);
  });

  it("shows the queue as cards that fit a 390 px phone", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    phone.setDefaultTimeout(10_000);
    await signIn(phone, baseUrl(), TEST_MANAGER, "/follow-ups");
    await phone.waitForURL(`${baseUrl()}/follow-ups`);
    const row = phone.getByTestId("follow-up").filter({ hasText: names.assign });
    await row.waitFor();
    const box = await row.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await row.getByRole("button", { name: "Mark done" }).isVisible()).toBe(true);
    await screenshot(phone, "follow-ups-390");
    await phone.close();
  });

  it("reads days and times in the browser's own time zone", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: "America/New_York" });
    const inNewYork = await context.newPage();
    inNewYork.setDefaultTimeout(10_000);
    await signIn(inNewYork, baseUrl(), TEST_MANAGER, "/follow-ups?assignee=me");
    // Signing in comes back to the very view asked for, filter included.
    await inNewYork.waitForURL(`${baseUrl()}/follow-ups?assignee=me`);
    await inNewYork.getByText("Times in America/New York").waitFor();
    const tomorrow = inNewYork.locator("section", { has: inNewYork.getByRole("heading", { name: "Tomorrow" }) });
    const row = tomorrow.getByTestId("follow-up").filter({ hasText: names.tomorrow });
    // On failure, what the page did show, so the cause is in the report.
    await row.waitFor().catch(async (err: Error) => {
      await screenshot(inNewYork, "follow-ups-new-york-failed");
      throw new Error(`${err.message}\nThe page showed:\n${await inNewYork.locator("main").innerText()}`);
    });
    expect(await row.textContent()).toContain("Call back");
    expect(await row.textContent()).toContain("3:00 PM");
    await screenshot(inNewYork, "follow-ups-new-york");
    await context.close();
  });
});
