import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { baseUrl, jsonOf, sql } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";
import { setZone, zoneView } from "../support/time-zone";

// The organisation's time zone in Chromium: the first admin's browser offers
// its zone, an admin picks another from the searchable list and sees the
// charts re-grouped; test calls are listed on the source page and removed.

describe.skipIf(skipBrowserTests)("time zone and test calls in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await setZone("UTC");
  });

  it("takes the first admin's browser zone, then lets an admin pick another from the list", async () => {
    await sql("DELETE FROM settings WHERE key = 'timeZone'");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Europe/Berlin" });
    const page = await context.newPage();
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/settings");
    await page.getByRole("heading", { name: "Time zone" }).waitFor();
    await expect.poll(async () => (await zoneView()).timeZone, { timeout: 10_000 }).toBe("Europe/Berlin");

    await page.reload();
    const picker = page.getByRole("combobox", { name: "Time zone" });
    await expect.poll(() => picker.inputValue()).toBe("Europe/Berlin");
    await picker.fill("America/New_York");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.getByTestId("rebucket-progress").getByText("The charts count days in America/New York").waitFor({ timeout: 30_000 });
    expect((await zoneView()).timeZone).toBe("America/New_York");
    await screenshot(page, "settings-time-zone-1440");

    // Not a zone: said plainly, nothing saved.
    await picker.fill("Somewhere nice");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.getByRole("alert").getByText("Choose a time zone from the list").waitFor();
    expect((await zoneView()).timeZone).toBe("America/New_York");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const section = page.getByRole("region", { name: "Time zone" });
    await section.scrollIntoViewIfNeeded();
    // The section and its picker fit the phone's width (the header is another matter).
    for (const part of [section, picker, page.getByRole("button", { name: "Save time zone" })]) {
      const box = (await part.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await screenshot(page, "settings-time-zone-390");
    await context.close();
  });

  it("lists a source's test calls with a Test badge and removes them in one click", async () => {
    const source = await createSource("hooman");
    const sent = await jsonOf<{ answer: { callId: string } }>(asUser(TEST_ADMIN, `/api/sources/${source.slug}/test-event`, { method: "POST", body: "{}" }));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, baseUrl(), TEST_ADMIN, `/admin/sources/${source.slug}`);
    const panel = page.getByTestId("test-calls");
    await panel.getByText("1 call was made by").waitFor();
    await panel.getByText("Test", { exact: true }).waitFor();
    await screenshot(page, "source-test-calls-1440");

    await page.goto(`${baseUrl()}/calls/${sent.answer.callId}`);
    await page.getByText("Test", { exact: true }).first().waitFor();
    // The request behind it is marked in the inbox too.
    await page.goto(`${baseUrl()}/admin/inbox?source=${source.slug}`);
    await page.getByRole("table").getByText("Test", { exact: true }).waitFor();

    await page.goto(`${baseUrl()}/admin/sources/${source.slug}`);
    await panel.getByRole("button", { name: "Remove test calls" }).click();
    await panel.getByText("No test calls").waitFor();
    expect(await sql("SELECT 1 FROM calls WHERE id = $1", [sent.answer.callId])).toEqual([]);
    await page.close();
  });
});
