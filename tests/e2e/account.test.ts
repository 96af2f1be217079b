import { randomInt } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { baseUrl, uniq } from "../support/http";
import { asUser } from "../support/session";

// A person's own account in the browser: the first password an admin gives
// is replaced at once, and a guessed-at sign-in form says when to try again.

describe.skipIf(skipBrowserTests)("account in Chromium", () => {
  let browser: Browser;

  async function newUser() {
    const email = `${uniq("acct")}@test.local`;
    const res = await asUser(TEST_ADMIN, "/api/users", { method: "POST", body: JSON.stringify({ email, name: "Robin Vale", role: "manager" }) });
    return { email, password: ((await res.json()) as { password: string }).password };
  }

  /** A page whose sign-ins come from an address of its own (the test stack trusts X-Forwarded-For). */
  async function freshPage(): Promise<Page> {
    return browser.newPage({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${randomInt(1, 254)}` } });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("makes a person with an admin-given password choose their own, then takes them where they were going", async () => {
    const user = await newUser();
    const page = await freshPage();
    await signIn(page, baseUrl(), user, "/hot-leads");
    await page.waitForURL(/\/account\?first=1/);
    await page.getByText("Choose your own to go on").waitFor();

    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel(/^New password \(/).fill("password123456");
    await page.getByLabel("New password again").fill("password123456");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("alert").filter({ hasText: "too easy to guess" }).waitFor();
    await screenshot(page, "account-weak-password");

    await page.getByLabel(/^New password \(/).fill("copper lantern meadow orbit");
    await page.getByLabel("New password again").fill("copper lantern meadow orbit");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL(`${baseUrl()}/hot-leads`);
    await page.getByRole("heading", { name: "Hot leads" }).waitFor();
  });

  it("says when a throttled sign-in may be tried again, and lets the right password in after the wait", async () => {
    const user = await newUser();
    const page = await freshPage();
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Email").fill(user.email);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
    }
    await page.getByLabel("Password").fill("wrong-again");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Too many sign-in attempts" }).waitFor();
    const button = page.getByRole("button", { name: /Try again in/ });
    expect(await button.isDisabled()).toBe(true);
    await screenshot(page, "sign-in-throttled");

    // The test stack locks for seconds, not minutes.
    await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 15_000 });
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account\?first=1/);
  });
});
