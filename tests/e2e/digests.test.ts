import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn, skipBrowserTests, takeCspViolations } from "../support/browser";
import { farSendAt } from "../support/digests";
import { baseUrl, jsonOf, sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";
import { newPerson } from "../support/people";
import { startMailServer, type MailServer } from "../support/smtp-server";

// A manager's digest in Chromium: their own time zone, a digest scheduled on
// the Account page with its preview beside the form, and "Send now" arriving
// at the stand-in mail server; the email's HTML rendered in Chromium.

describe.skipIf(skipBrowserTests)("digests in Chromium", () => {
  let browser: Browser;
  let mail: MailServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    mail = await startMailServer(inject("smtpPort"));
  });
  afterAll(async () => {
    await browser?.close();
    await mail?.close();
  });

  /** A hot lead from yesterday, as Unpod sends it. */
  async function hotLead(name: string, phone: string, next: string, hoursAgo: number): Promise<string> {
    const naive = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
    const res = await sendWebhook("unpod", {
      task_id: uniq("dg-e2e"),
      status: "completed",
      input: { name, contact_number: phone, company_name: "Northwind" },
      output: {
        call_status: "completed",
        start_time: naive(new Date(Date.now() - hoursAgo * 3_600_000)),
        duration: 184,
        post_call_data: {
          summary: { summary: "Asked about pricing", callback_datetime: naive(new Date(Date.now() + 26 * 3_600_000)).replace(" ", "T") },
          profile_summary: { tone: "Positive", interest_level: "Very Interested", outcome: "Meeting Scheduled", next_action: next },
        },
      },
    });
    return (await jsonOf<WebhookAnswer>(res)).callId;
  }

  it("sets the time zone, schedules a digest, sends one now and shows that it went", async () => {
    const person = await newPerson("manager", "digest-e2e");
    const leads = [
      await hotLead("Maya Lopez", "+16465550142", "Send the enterprise quote", 20),
      await hotLead("Jonas Berg", "+4915123456789", "Book a demo with their CTO", 26),
    ];
    const [view] = await sql<{ id: string }>(
      `INSERT INTO saved_views (id, owner_id, name, page, query, updated_at)
       SELECT gen_random_uuid(), id, 'Meetings booked', 'calls', 'outcome=meeting_scheduled', now() FROM users WHERE email = $1 RETURNING id`,
      [person.email],
    );
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl(), person, "/account");
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" });

    // The organisation's zone is the first choice; pick New York.
    const zone = page.getByRole("combobox", { name: "Time zone" });
    await zone.waitFor();
    expect(await zone.locator("option").first().textContent()).toMatch(/^Organisation's \(/);
    await zone.selectOption("America/New_York");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.getByText("Your digest's hour is read in America/New York.").waitFor();
    expect((await sql("SELECT time_zone FROM users WHERE email = $1", [person.email]))[0]).toEqual({ time_zone: "America/New_York" });

    // The digest: off until saved; the person's saved view to count.
    const form = page.getByRole("form", { name: "Digest settings" });
    await form.getByText("Local time in America/New York.").waitFor();
    await form.getByLabel("Meetings booked").check();
    await expect.poll(() => form.getByRole("button", { name: "Send now" }).isDisabled()).toBe(true);
    // The disabled button says why.
    const hint = await form.getByRole("button", { name: "Send now" }).getAttribute("aria-describedby");
    expect(await page.locator(`#${hint}`).textContent()).toBe("Save the digest to send one now.");
    await form.getByLabel("Send me a digest").check();
    await form.getByLabel("Weekly", { exact: true }).check();
    await form.locator('select[name="weekday"]').selectOption("5");
    await form.locator('input[name="sendAt"]').fill(farSendAt("America/New_York"));
    await expect.poll(() => form.getByLabel(`Email to ${person.email}`).isChecked()).toBe(true);
    await form.getByRole("button", { name: "Save digest" }).click();
    await form.getByRole("status").getByText("Saved.").waitFor();
    await expect.poll(() => form.getByText("Save the digest to send one now.").count()).toBe(0);
    const [saved] = await sql<{ frequency: string; weekday: number; enabled: boolean }>(
      "SELECT frequency, weekday, enabled FROM digest_subscriptions d JOIN users u ON u.id = d.user_id WHERE u.email = $1",
      [person.email],
    );
    expect(saved).toEqual({ frequency: "weekly", weekday: 5, enabled: true });

    // The preview beside the form: the email in a frame that runs nothing.
    const frame = page.getByTitle("Digest email preview");
    await frame.waitFor();
    expect(await frame.getAttribute("sandbox")).toBe("");
    await page.frameLocator('iframe[title="Digest email preview"]').getByText("Your weekly call digest").waitFor();
    await screenshot(page, "account-digest-1440");

    await form.getByRole("button", { name: "Send now" }).click();
    await form.getByRole("status").getByText("Sent.").waitFor({ timeout: 30_000 });
    await form
      .getByTestId("digest-sends")
      .getByText(/sent .*, by email/)
      .waitFor();
    const [email] = await mail.waitFor(1);
    expect(email.subject).toMatch(/^Your weekly call digest: [\d,]+ calls?, [\d,]+ hot leads?$/);
    expect(takeCspViolations()).toEqual([]);

    // The email as a mail client shows it, in Chromium.
    const viewer = await browser.newPage({ viewport: { width: 720, height: 1000 } });
    await viewer.setContent(String(email.html), { waitUntil: "load" });
    await viewer.getByText("Call first").waitFor();
    await viewer.getByText("Maya Lopez").waitFor();
    await viewer.getByText("Meetings booked").waitFor();
    await screenshot(viewer, "digest-email-720");
    const phoneMail = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phoneMail.setContent(String(email.html), { waitUntil: "load" });
    await screenshot(phoneMail, "digest-email-390");

    // The Account page's digest section on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const section = page.locator("#digest");
    await section.scrollIntoViewIfNeeded();
    await page.frameLocator('iframe[title="Digest email preview"]').getByText("Your weekly call digest").waitFor();
    // Tall enough for the whole section, so that Chromium paints the preview frame too (it skips frames off screen).
    await page.setViewportSize({ width: 390, height: 2600 });
    await section.screenshot({ path: "tests/artifacts/account-digest-390.png" });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await sql("UPDATE calls SET handled_at = now() WHERE id = ANY($1::uuid[])", [leads]);
    await sql("DELETE FROM saved_views WHERE id = $1", [view.id]);
  }, 90_000);
});
