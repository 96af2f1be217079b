import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN } from "../support/credentials";
import { deleteDestination } from "../support/destinations";
import { fixture } from "../support/fixtures";
import { baseUrl, jsonOf, sendWebhook, uniq } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// Admin pages of vendors and forwarding, as an admin uses them: a Slack URL
// is typed in clear and saved masked; agent names are mapped from what came
// in; source health says what is wrong.

describe.skipIf(skipBrowserTests)("vendors and forwarding admin in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1440, 390]) {
    it(`shows a Slack URL while it is typed, refuses a non-Slack one in words, and shows it masked once saved (${width} px)`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 1000 } });
      await signIn(page, baseUrl(), TEST_ADMIN, "/admin/destinations");
      const form = page.getByRole("form", { name: "Add a destination" });
      await form.getByLabel("Kind").selectOption("slack");
      const name = `#sales ${uniq()}`;
      await form.getByLabel("Name").fill(name);
      const url = form.getByLabel(/Incoming-webhook URL/);
      await url.fill("https://example.com/hook");
      // A text field: what was pasted can be read and checked.
      expect(await url.getAttribute("type")).toBe("text");
      expect(await url.inputValue()).toBe("https://example.com/hook");
      await form.getByRole("button", { name: "Add destination" }).click();
      const refusal = page.getByRole("alert").filter({ hasText: "Paste the Slack incoming-webhook URL" });
      await refusal.waitFor();
      expect(await refusal.textContent()).toBe(
        "Paste the Slack incoming-webhook URL: it starts with https://hooks.slack.com/services/ (Slack app → Incoming Webhooks).",
      );
      await screenshot(page, `slack-url-refused-${width}`);

      await url.fill("https://hooks.slack.com/services/T0123ABC/B0456DEF/abcdefXyZ9");
      await form.getByRole("button", { name: "Add destination" }).click();
      await page.waitForURL(/\/admin\/destinations\/[0-9a-f-]{36}$/);
      const saved = page.getByTestId("webhookUrl-saved");
      await saved.waitFor();
      expect(await saved.textContent()).toContain("Saved: https://hooks.slack.com/services/…XyZ9. Leave empty to keep it.");
      const field = page.getByLabel(/Incoming-webhook URL/);
      expect(await field.inputValue()).toBe("");
      expect(await page.content()).not.toContain("B0456DEF");
      await screenshot(page, `slack-url-masked-${width}`);
      await deleteDestination(page.url().split("/").at(-1)!);
      await page.close();
    });
  }

  it("lists agent names seen, with their calls, and maps one into another agent (1440 and 390 px)", async () => {
    const source = await createSource("hooman");
    const agent = `agent_leo_${uniq("e").slice(2)}`;
    const h = fixture<Record<string, unknown>>("hooman/default-object.json");
    expect((await sendWebhook(source.slug, { ...h, agent, callInfo: { ...(h.callInfo as object), callSid: uniq("CA") } })).status).toBe(202);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/settings");
    const form = page.getByRole("form", { name: "Agent names" });
    const row = form.getByTestId("agent-row").filter({ hasText: agent });
    expect(await row.textContent()).toContain("Hooman Labs");
    await row.getByLabel(`Agent for ${agent}`).fill("Leo");
    const put = page.waitForResponse((r) => r.url().endsWith("/api/settings/agents") && r.request().method() === "PUT");
    await form.getByRole("button", { name: "Save and update past calls" }).click();
    expect((await put).status()).toBe(202);
    await page
      .getByTestId("agents-progress")
      .getByText(/Checked [\d,]+ calls?;/)
      .waitFor({ timeout: 30_000 });
    await screenshot(page, "agent-names-1440");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "agent-names-390");

    // Put back as it was, for the other tests.
    await row.getByLabel(`Agent for ${agent}`).fill("");
    const putBack = page.waitForResponse((r) => r.url().endsWith("/api/settings/agents") && r.request().method() === "PUT");
    await form.getByRole("button", { name: "Save and update past calls" }).click();
    const { reapply } = (await (await putBack).json()) as { reapply: { runId: string } };
    await expect
      .poll(async () => (await jsonOf<{ reapply: { runId: string; status: string } }>(asUser(TEST_ADMIN, "/api/settings/agents"))).reapply, {
        timeout: 30_000,
      })
      .toMatchObject({ runId: reapply.runId, status: "done" });
    await page.close();
    // Two background runs, each waiting for every process to see the new names (AGENTS_CACHE_MS).
  }, 90_000);

  it("says what is wrong with a source on the sources page", async () => {
    const hubtalk = await createSource("hubtalk");
    const fresh = await createSource("cllr");
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), TEST_ADMIN, "/admin/sources");
    const state = (slug: string) => page.getByTestId(`source-${slug}`).getByTestId("source-state");
    await state(hubtalk.slug).getByText("Misconfigured").waitFor();
    expect(await state(hubtalk.slug).textContent()).toContain("no storage is set up");
    expect(await state(fresh.slug).textContent()).toContain("Never received");
    await screenshot(page, "sources-health-states");
    await page.close();
  });
});
