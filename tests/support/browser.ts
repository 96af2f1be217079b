import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterEach, expect } from "vitest";

// Debian's Chromium driven by playwright-core (a browser download is not
// possible offline). CHROMIUM_PATH overrides where it is.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/** Browser tests run wherever Chromium is; without it they are skipped, except in CI, where that must fail. */
export const skipBrowserTests = !CHROMIUM_PATH && !process.env.CI;
if (skipBrowserTests) console.warn("Browser tests skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).");

export const ARTIFACTS = path.resolve("tests/artifacts");

// Every page must keep working under the app's Content-Security-Policy: a
// violation (a blocked script, style, image or request) fails the test in which
// it happened. A test that provokes one on purpose takes it with takeCspViolations().
const violations: string[] = [];
afterEach(() => {
  expect(takeCspViolations(), "Content-Security-Policy violations").toEqual([]);
});

export const takeCspViolations = () => violations.splice(0);

async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`[csp] ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (message.text().startsWith("[csp] ")) violations.push(message.text());
  });
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
  // browser.newPage() goes through newContext() too, so every page is watched.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  return browser;
}

export async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }, path = "/calls") {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
