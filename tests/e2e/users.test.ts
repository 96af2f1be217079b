import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { baseUrl, sql, uniq } from "../support/http";

// An admin adds a person and a read-API key; each secret is shown once.

describe.skipIf(skipBrowserTests)("users and keys in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("adds a user and an API key, showing each secret once", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/users");
    const email = `${uniq("ui")}@test.local`;
    const userForm = page.getByRole("form", { name: "Add a user" });
    await userForm.getByLabel("Email").fill(email);
    await userForm.getByLabel("Name").fill("Dana Sales");
    await userForm.getByRole("button", { name: "Add user" }).click();
    const password = await page.getByTestId("one-time-secret").textContent();
    expect(password?.length).toBeGreaterThanOrEqual(12);
    await page.getByTestId("user-row").filter({ hasText: email }).waitFor();

    const keyForm = page.getByRole("form", { name: "Create an API key" });
    await keyForm.getByLabel("Name (what uses it)").fill("Warehouse sync");
    await keyForm.getByLabel("Expires").selectOption({ label: "In 90 days" });
    await keyForm.getByRole("button", { name: "Create key" }).click();
    await page.getByTestId("one-time-secret").filter({ hasText: "ck_" }).waitFor();
    const row = page.getByTestId("key-row").filter({ hasText: "Warehouse sync" });
    await row.waitFor();
    expect(await row.locator("td").nth(3).textContent()).not.toBe("Never");
    const [{ days }] = await sql<{ days: number }>(
      "SELECT extract(epoch FROM expires_at - created_at)::float8 / 86400 AS days FROM api_keys WHERE name = 'Warehouse sync'",
    );
    expect(days).toBeCloseTo(90, 1);
    await screenshot(page, "admin-users");

    // After a reload the secrets are gone for good.
    await page.reload();
    await page.getByTestId("key-row").filter({ hasText: "Warehouse sync" }).waitFor();
    expect(await page.getByTestId("one-time-secret").count()).toBe(0);
  });
});
