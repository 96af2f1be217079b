import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { baseUrl, sql, uniq } from "../support/http";
import { future, insertRule, insertView, userId } from "../support/metric-alerts";

// The Alerts page as a manager uses it in Chromium: a rule made with the
// form (its sentence previewed as it is filled in), listed with its state,
// turned off, deleted; an open alert on the Overview; desktop and phone widths.

describe.skipIf(skipBrowserTests)("metric alerts in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let managerId: string;
  const viewName = `Cllr inbound ${uniq("v")}`;
  const ruleName = `Connect rate dips ${uniq("r")}`;
  const firingName = `Hot leads surge ${uniq("r")}`;
  const views: string[] = [];

  beforeAll(async () => {
    managerId = await userId(TEST_MANAGER.email);
    views.push((await insertView(managerId, "provider=cllr", { name: viewName })).id);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await sql(`DELETE FROM alert_rules WHERE owner_id = $1 AND (name = ANY($2) OR view_id = ANY($3::uuid[]))`, [managerId, [ruleName, firingName], views]);
    await sql(`DELETE FROM saved_views WHERE id = ANY($1::uuid[])`, [views]);
  });

  it("creates a rule with the form, previews it in words, lists it, turns it off and deletes it", async () => {
    await signIn(page, baseUrl(), TEST_MANAGER, "/alerts");
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
    await page.waitForURL(`${baseUrl()}/alerts`);
    await page.getByRole("heading", { name: "Alerts", level: 1 }).waitFor();
    const newButton = page.getByRole("button", { name: "New alert rule" });
    if (await newButton.isVisible()) await newButton.click();
    const form = page.getByRole("form", { name: "New alert rule" });
    await form.getByLabel("What to watch").selectOption("connect_rate");
    await form.getByLabel("Which calls").selectOption({ label: viewName });
    await form.getByLabel("Over the last").selectOption("60");
    await form.getByLabel("Alert when it").selectOption("below");
    await form.getByLabel("Name").fill(ruleName);
    // A refusal is shown until the fields change: then it may no longer hold.
    await form.getByLabel("Threshold (%)").fill("150");
    await form.getByRole("button", { name: "Add rule" }).click();
    await form.getByText("A share is between 0 and 100%.").waitFor();
    await form.getByLabel("Threshold (%)").fill("40");
    await form.getByText("A share is between 0 and 100%.").waitFor({ state: "detached" });
    await expect
      .poll(() => form.getByTestId("rule-preview").textContent())
      .toBe(`Alert me when connect rate in the last hour of '${viewName}' falls below 40%, needing at least 10 calls.`);
    await screenshot(page, "metric-alerts-form-desktop");
    await form.getByRole("button", { name: "Add rule" }).click();

    const row = page.getByTestId("alert-rule").filter({ hasText: ruleName });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${viewName} · Connect rate below 40% · over 1 hour`);
    const [saved] = await sql<{ metric: string; threshold: number; email: boolean; view_id: string }>(
      `SELECT metric, threshold, email, view_id FROM alert_rules WHERE name = $1`,
      [ruleName],
    );
    expect(saved).toMatchObject({ metric: "connect_rate", threshold: 40, email: true, view_id: views[0] });
    await screenshot(page, "metric-alerts-desktop");

    // Editing: the refusal shows once, in the rule's form, and goes when the field is fixed.
    await row.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("form", { name: `Edit ${ruleName}` });
    await edit.getByLabel("Threshold (%)").fill("150");
    await edit.getByRole("button", { name: "Save rule" }).click();
    await edit.getByText("A share is between 0 and 100%.").waitFor();
    expect(await page.getByText("A share is between 0 and 100%.").count()).toBe(1);
    await edit.getByLabel("Threshold (%)").fill("45");
    await page.getByText("A share is between 0 and 100%.").waitFor({ state: "detached" });
    await edit.getByRole("button", { name: "Save rule" }).click();
    await row.getByText("Connect rate below 45%").waitFor();

    await row.getByRole("button", { name: "Turn off" }).click();
    await row.getByText("Off", { exact: true }).waitFor();
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Delete" }).click();
    await row.waitFor({ state: "detached" });
    expect(await sql(`SELECT 1 FROM alert_rules WHERE name = $1`, [ruleName])).toEqual([]);
  });

  it("shows an open alert on the Overview, linking to the Alerts page, at desktop and phone widths", async () => {
    // Evaluated (by its marker) far ahead of the clock: the app's own run leaves it open.
    const ruleId = await insertRule({ ownerId: managerId, name: firingName, metric: "hot_leads", comparison: "above", threshold: 5, from: future(60) });
    await sql(`INSERT INTO metric_alerts (id, rule_id, opened_at, value, detail) VALUES (gen_random_uuid(), $1, now() - interval '20 minutes', 9, '9')`, [
      ruleId,
    ]);
    await page.goto(`${baseUrl()}/`);
    const alerts = page.getByRole("alert", { name: "Metric alerts" });
    await alerts.getByText(firingName).waitFor();
    expect(await alerts.textContent()).toContain(`${firingName}: 9 in the last hour`);
    await screenshot(page, "metric-alerts-overview-desktop");
    await alerts.getByRole("link", { name: "Open alerts" }).click();
    await page.waitForURL(`${baseUrl()}/alerts`);
    const history = page.getByTestId("metric-alert").filter({ hasText: firingName });
    expect(await history.getByText("Open", { exact: true }).count()).toBe(1);
    expect(await page.getByTestId("alert-rule").filter({ hasText: firingName }).getByText("Firing").count()).toBe(1);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByTestId("alert-rule").filter({ hasText: firingName }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "metric-alerts-phone");
    await page.goto(`${baseUrl()}/`);
    await page.getByRole("alert", { name: "Metric alerts" }).waitFor();
    await screenshot(page, "metric-alerts-overview-phone");
    await page.setViewportSize({ width: 1440, height: 1000 });
  });
});
