import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { createDestination, deleteDestination, destination, sendAutocallsCall } from "../support/destinations";
import { baseUrl, uniq } from "../support/http";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// The path: an admin adds a Slack destination, a hot call arrives,
// the delivery log shows it delivered; then scoring settings with progress.

describe.skipIf(skipBrowserTests)("forwarding in Chromium", () => {
  let browser: Browser;
  let slack: Receiver;
  beforeAll(async () => {
    browser = await launchBrowser();
    slack = await startReceiver({ status: 200, body: "ok" });
  });
  afterAll(async () => {
    await browser?.close();
    await slack.close();
  });

  it("adds a Slack destination, sends a test, and logs a hot call as delivered", async () => {
    const source = await createSource("autocalls");
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/destinations");
    const form = page.getByRole("form", { name: "Add a destination" });
    const name = `#hot-leads ${uniq()}`;
    // HubSpot's fields: a token, whether to create contacts, a lead status per outcome (prefilled).
    await form.getByLabel("Kind").selectOption("hubspot");
    await form.getByLabel(/Private-app access token/).waitFor();
    expect(await form.getByRole("combobox", { name: /meeting scheduled/ }).inputValue()).toBe("OPEN_DEAL");
    await screenshot(page, "destination-hubspot-form");
    await form.getByLabel("Kind").selectOption("slack");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel(/Incoming-webhook URL/).fill(`${slack.url}/services/T1/B1/e2e`);
    await form.getByRole("combobox", { name: /^Send/ }).selectOption("hot");
    await form.getByLabel(source.slug).check();
    await form.getByRole("button", { name: "Add destination" }).click();
    await page.waitForURL(/\/admin\/destinations\/[0-9a-f-]{36}$/);
    const destinationId = page.url().split("/").at(-1)!;
    await page.getByRole("heading", { name: new RegExp(name) }).waitFor();
    // The saved webhook URL is not sent back to the browser.
    expect(await page.content()).not.toContain("/services/T1/B1/e2e");

    await page.getByRole("button", { name: "Send test" }).click();
    await page.getByTestId("test-result").getByText("delivered").waitFor({ timeout: 15_000 });
    expect(slack.requests.at(-1)!.body).toContain("Test message from Call Analytics");

    const callId = await sendAutocallsCall(source.slug);
    await expect.poll(() => slack.requests.some((r) => r.body.includes(callId)), { timeout: 15_000 }).toBe(true);
    await page.reload();
    const row = page.getByTestId("delivery-row").filter({ hasText: "Maria Lopez" });
    await row.getByText("delivered").waitFor();
    expect(await row.textContent()).toContain("HTTP 200");
    const rows = await page.getByTestId("delivery-row").count();
    expect(await page.getByTestId("list-total").textContent()).toBe(`${rows} ${rows === 1 ? "delivery" : "deliveries"}`);
    await screenshot(page, "destination-delivery-log");

    // The call page lists where it went.
    await row.getByRole("link", { name: "Maria Lopez" }).click();
    await page.waitForURL(new RegExp(`/calls/${callId}$`));
    const forwarded = page.getByTestId("call-delivery").filter({ hasText: name });
    await forwarded.getByText("delivered").waitFor();
    await deleteDestination(destinationId);
  });

  it("shows a destination the receiver turned off, with the reason", async () => {
    const gone = await startReceiver({ status: 410, body: "no_service" });
    const source = await createSource("autocalls");
    const { id } = await createDestination({
      kind: "webhook",
      name: "Old CRM hook",
      config: { url: gone.url },
      rules: { calls: "all", sourceIds: [source.id] },
    });
    await sendAutocallsCall(source.slug);
    await expect.poll(async () => (await destination(id)).enabled, { timeout: 15_000 }).toBe(false);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/destinations");
    const row = page.getByTestId("destination-row").filter({ hasText: "Old CRM hook" });
    await row.getByText("turned off").waitFor();
    expect(await row.textContent()).toContain("410 Gone");
    expect(await row.textContent()).toContain("1 failed");
    await screenshot(page, "destinations-list");

    // The overview tells admins that forwarding stopped, and links to it.
    await page.goto(`${baseUrl()}/`);
    const stopped = page.getByRole("alert", { name: "Forwarding stopped" });
    expect(await stopped.textContent()).toContain("Old CRM hook was turned off: The receiver answered 410 Gone");
    await stopped.getByRole("link", { name: "Old CRM hook" }).click();

    // Its page says why, and turning it on again clears the reason.
    await page
      .getByRole("alert")
      .getByText(/410 Gone/)
      .waitFor();
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByRole("button", { name: "Turn off" }).waitFor();
    expect(await destination(id)).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    await page.goto(`${baseUrl()}/`);
    await page.getByRole("heading", { name: "Overview" }).first().waitFor();
    expect(await page.getByRole("alert", { name: "Forwarding stopped" }).getByText("Old CRM hook").count()).toBe(0);
    await deleteDestination(id);
    await gone.close();
  });

  it("saves an outcome mapping and shows the re-score's progress", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/settings");
    const form = page.getByRole("form", { name: "Scoring settings" });
    await form.getByLabel("Vendor outcome").first().fill("Trial started");
    await form.getByLabel("Canonical outcome").first().selectOption("interested");
    await form.getByRole("button", { name: "Save and re-score past calls" }).click();
    await page
      .getByTestId("rescore-progress")
      .getByText(/Re-scored [\d,]+ calls/)
      .waitFor({ timeout: 30_000 });
    await screenshot(page, "scoring-settings");
    const saved = (await (await asUser(TEST_ADMIN, "/api/settings/scoring")).json()) as { scoring: { outcomeMap: unknown[] } };
    expect(saved.scoring.outcomeMap).toEqual([{ raw: "Trial started", outcome: "interested" }]);
    expect(await form.getByLabel("Canonical outcome").first().inputValue()).toBe("interested");
    await form.getByRole("button", { name: "Remove Trial started" }).click();
    await form.getByRole("button", { name: "Save and re-score past calls" }).click();
    await page
      .getByTestId("rescore-progress")
      .getByText(/Re-scored [\d,]+ calls/)
      .waitFor({ timeout: 30_000 });
  });
});
