import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAudioServer, wav } from "../support/audio-server";
import { launchBrowser, screenshot, signIn, skipBrowserTests } from "../support/browser";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { asUser } from "../support/session";
import { api, baseUrl, jsonOf, sendWebhook, uniq, type WebhookAnswer } from "../support/http";

const at = (sec: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, sec)).toISOString().replace("T", " ").replace("Z", "");

describe.skipIf(skipBrowserTests)("call page in Chromium", () => {
  let browser: Browser;
  let audio: Awaited<ReturnType<typeof startAudioServer>>;
  let callId: string;
  let trackerId: string | undefined;

  beforeAll(async () => {
    audio = await startAudioServer({ "/call.wav": wav(40) });
    const res = await sendWebhook("unpod", {
      task_id: uniq("task"),
      status: "completed",
      input: { name: "Dana <b>Bold</b>", contact_number: "+14155550177" },
      output: {
        call_type: "outbound",
        call_status: "completed",
        start_time: at(0),
        end_time: at(40),
        duration: 40,
        recording_url: `${audio.url}/call.wav`,
        transcript: [
          { role: "assistant", content: "Hello Dana, this is Aria.", timestamp: at(1) },
          { role: "user", content: "<script>window.__xss = 1</script>Hi!", timestamp: at(5) },
          { role: "assistant", content: '<img src=x onerror="window.__xss = 2">Shall we book a demo?', timestamp: at(12) },
          { role: "user", content: "Yes, Thursday works for the demo.", timestamp: at(25) },
        ],
        post_call_data: { summary: "Booked a demo", tone: "Positive", outcome: "Meeting Scheduled", interest_level: "Very Interested" },
      },
    });
    expect(res.status).toBe(202);
    callId = (await jsonOf<WebhookAnswer>(res)).callId;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (trackerId) await asUser(TEST_ADMIN, `/api/trackers/${trackerId}`, { method: "DELETE" });
    await browser?.close();
    await audio?.close();
  });

  async function openAs(who: { email: string; password: string }): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(page, baseUrl(), who, `/calls/${callId}`);
    await page.waitForURL(new RegExp(`/calls/${callId}$`));
    return page;
  }

  it("plays the recording, and a click on a transcript line moves the player there", async () => {
    const page = await openAs(TEST_MANAGER);
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => page.getByTestId("player-time").textContent(), { timeout: 10_000 }).not.toBe("0:00");
    await page.getByTestId("transcript-line").nth(3).click();
    await expect.poll(() => page.getByTestId("player-time").textContent(), { timeout: 10_000 }).toMatch(/^0:2[5-9]$/);
    await expect.poll(() => page.getByTestId("transcript-line").nth(3).getAttribute("aria-current")).toBe("true");
    await page.getByRole("button", { name: "Pause" }).click();
    await screenshot(page, "call-detail");
  });

  it("says where each score signal came from", async () => {
    const page = await openAs(TEST_MANAGER);
    const interest = page.getByTestId("lead-signal").filter({ hasText: "Interest" });
    expect(await interest.getByTestId("signal-field").textContent()).toBe("from Unpod's interest level");
    const outcome = page.getByTestId("lead-signal").filter({ hasText: "Outcome" });
    expect(await outcome.getByTestId("signal-field").textContent()).toBe("from Unpod's outcome");
    await page.close();
  });

  it("opened at a moment (#turn-3), shows that line and is ready to play from it", async () => {
    const page = await openAs(TEST_MANAGER);
    await page.goto(`${baseUrl()}/calls/${callId}#turn-3`);
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.querySelector("audio")!.currentTime), { timeout: 10_000 }).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.querySelector("audio")!.paused)).toBe(true);
    await expect.poll(() => page.locator("#turn-3 [data-testid=transcript-line]").getAttribute("aria-current")).toBe("true");
    await page.close();
  });

  it("plays from the words that earned a tracker's points when its evidence is clicked", async () => {
    const word = `zq${uniq("w").replace(/\W/g, "").slice(-10)}`;
    const created = await asUser(TEST_ADMIN, "/api/trackers", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `Ask ${word}`, phrases: [{ text: word }], speaker: "customer", points: 12 }),
    });
    expect(created.status).toBe(201);
    trackerId = (await jsonOf<{ id: string }>(created)).id;
    const sent = await sendWebhook("unpod", {
      task_id: uniq("task"),
      status: "completed",
      input: { name: "Evi Dence", contact_number: "+14155550178" },
      output: {
        call_type: "outbound",
        call_status: "completed",
        start_time: at(0),
        end_time: at(40),
        duration: 40,
        recording_url: `${audio.url}/call.wav`,
        transcript: [
          { role: "assistant", content: "Hello Evi, this is Aria.", timestamp: at(1) },
          { role: "user", content: "Hi.", timestamp: at(6) },
          { role: "assistant", content: "Anything else?", timestamp: at(14) },
          { role: "user", content: `Tell me about ${word} for ten seats.`, timestamp: at(27) },
        ],
        // A keen customer, so the call is a hot lead with the best score: first on Hot leads.
        post_call_data: { summary: "Asked about seats", tone: "Positive", outcome: "Meeting Scheduled", interest_level: "Very Interested" },
      },
    });
    const id = (await jsonOf<WebhookAnswer>(sent)).callId;
    // New calls meet a new tracker within seconds (the save path's cache), or the backfill brings it to them.
    await expect
      .poll(async () => (await jsonOf<{ leadSignals: { signal: string }[] }>(await api(`/api/calls/${id}`))).leadSignals.some((s) => s.signal === "tracker"), {
        timeout: 60_000,
        interval: 1_000,
      })
      .toBe(true);

    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(page, baseUrl(), TEST_MANAGER, `/calls/${id}`);
    await page.waitForURL(new RegExp(`/calls/${id}$`));
    const signal = page.getByTestId("lead-signal").filter({ hasText: `Ask ${word}` });
    expect(await signal.textContent()).toContain("+12");
    const evidence = signal.getByTestId("seek-link");
    expect(await evidence.textContent()).toBe(`▶ 0:27 Tell me about ${word} for ten seats.`);
    await evidence.click();
    await expect.poll(() => page.getByTestId("player-time").textContent(), { timeout: 10_000 }).toMatch(/^0:(2[7-9]|3\d)$/);
    expect(await page.evaluate(() => document.querySelector("audio")!.paused)).toBe(false);
    await expect.poll(() => page.locator("#turn-3 [data-testid=transcript-line]").getAttribute("aria-current")).toBe("true");
    await page.getByRole("button", { name: "Pause" }).click();

    // Hot leads quote the same words; the quote opens the call at that moment, ready to play.
    await page.goto(`${baseUrl()}/hot-leads`);
    const quote = page.locator(`a[href="/calls/${id}#turn-3"]`);
    expect(await quote.textContent()).toContain(`Tell me about ${word}`);
    await quote.click();
    await page.waitForURL(new RegExp(`/calls/${id}#turn-3$`));
    await expect.poll(() => page.evaluate(() => document.querySelector("audio")!.currentTime), { timeout: 10_000 }).toBeGreaterThanOrEqual(27);
    await page.close();
  }, 90_000);

  it("dials the customer's number when it is tapped", async () => {
    const page = await openAs(TEST_MANAGER);
    const phone = page.getByRole("link", { name: "+1 415 555 0177" });
    expect(await phone.getAttribute("href")).toBe("tel:+14155550177");
    await page.close();
  });

  it("shows vendor text as text: markup in a transcript runs nothing", async () => {
    const page = await openAs(TEST_MANAGER);
    await page.getByText("Shall we book a demo?").waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.getByText("<script>window.__xss = 1</script>Hi!").count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Dana <b>Bold</b>" }).count()).toBe(1);
    expect(await page.locator("img[src=x]").count()).toBe(0);
  });

  it("shows the raw payload to admins only", async () => {
    const manager = await openAs(TEST_MANAGER);
    expect(await manager.getByText("As received (admins)").count()).toBe(0);
    const admin = await openAs(TEST_ADMIN);
    expect(await admin.getByText("As received (admins)").count()).toBe(1);
  });

  it("streams the recording with Range through the API, without revealing the vendor's URL", async () => {
    const res = await api(`/api/calls/${callId}/recording`, { headers: { range: "bytes=100-199" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 100-199/${44 + 40 * 8000 * 2}`);
    expect((await res.arrayBuffer()).byteLength).toBe(100);
    const detail = await (await api(`/api/calls/${callId}`)).text();
    expect(detail).not.toContain(audio.url);
  });
});
