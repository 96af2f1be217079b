import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { queueDueDigests } from "@/lib/digests/due";
import { latestSlot } from "@/lib/digests/schedule";
import { storedTimeZone } from "@/lib/settings/time-zone";
import { TEST_ADMIN, TEST_SECRETS_KEY } from "../support/credentials";
import { deleteDestination } from "../support/destinations";
import { farSendAt, putDigest, saveDigest, sendNow, setOwnZone, settled } from "../support/digests";
import { baseUrl, jsonOf, sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";
import { newPerson, type Person } from "../support/people";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { startMailServer, type MailServer } from "../support/smtp-server";
import { withWorker } from "../support/worker";

// Scheduled digests (lib/digests): what they say (views against the period
// before, the hot leads to call first with their next step in the user's
// zone, the overview's KPIs), by email to a stand-in SMTP server and to a
// stand-in Slack, when they go (a non-UTC zone across DST changes), that each
// period goes exactly once whatever the number of workers and crashes, and
// that unsubscribing stops them.

const NY = "America/New_York";
const naive = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
const phoneDigits = () => `1646555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

async function unpodCall(opts: { name: string; phone: string; at: Date; next: string; callback: Date }): Promise<string> {
  const res = await sendWebhook("unpod", {
    task_id: uniq("dg-task"),
    status: "completed",
    input: { name: opts.name, contact_number: opts.phone, company_name: "Acme Ltd" },
    output: {
      call_status: "completed",
      start_time: naive(opts.at),
      duration: 120,
      post_call_data: {
        summary: { summary: "Wants a quote", callback_datetime: naive(opts.callback).replace(" ", "T") },
        profile_summary: { tone: "Positive", interest_level: "Very Interested", outcome: "Meeting Scheduled", next_action: opts.next },
      },
    },
  });
  expect(res.status).toBe(202);
  return (await jsonOf<WebhookAnswer>(res)).callId;
}

async function saveView(owner: Person, name: string, query: string, page = "calls"): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO saved_views (id, owner_id, name, page, query, updated_at) SELECT gen_random_uuid(), id, $2, $3, $4, now() FROM users WHERE email = $1 RETURNING id`,
    [owner.email, name, page, query],
  );
  onTestFinished(() => sql("DELETE FROM saved_views WHERE id = $1", [row.id]).then(() => {}));
  return row.id;
}

/** The hot leads a digest lists: unhandled, by score then newest, one per customer, five at most (from the calls table). */
async function expectedLeads(): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `SELECT id FROM (SELECT DISTINCT ON (COALESCE(contact_id, id)) id, lead_score, started_at FROM calls
       WHERE is_hot AND NOT is_test AND handled_at IS NULL ORDER BY COALESCE(contact_id, id), lead_score DESC, started_at DESC, id DESC) x
     ORDER BY lead_score DESC, started_at DESC, id DESC LIMIT 5`,
  );
  return rows.map((r) => r.id);
}

const mailsTo = (server: MailServer, email: string) => server.received.filter((m) => m.to && JSON.stringify(m.to).includes(email));

async function waitForMails(server: MailServer, email: string, count: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (mailsTo(server, email).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} emails to ${email}, ${mailsTo(server, email).length} arrived`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return mailsTo(server, email);
}

describe("digest content", () => {
  let mail: MailServer;
  beforeAll(async () => {
    mail = await startMailServer(inject("smtpPort"));
  });
  afterAll(() => mail?.close());

  it("emails the views' counts against the day before, the hot leads to call first in the user's zone, and the KPIs, escaped", async () => {
    const person = await newPerson("manager", "digest");
    await setOwnZone(person, NY);
    const phone = `+${phoneDigits()}`;
    const today = DateTime.now().setZone(NY).startOf("day");
    const yesterday = today.minus({ days: 1 });
    // Two calls with the number on the covered day, one on the day before it.
    const danas = [
      await unpodCall({ name: "Dana Reed", phone, at: yesterday.plus({ hours: 10 }).toJSDate(), next: "Send pricing", callback: new Date() }),
      await unpodCall({ name: "Dana Reed", phone, at: yesterday.plus({ hours: 15 }).toJSDate(), next: "Send pricing", callback: new Date() }),
      await unpodCall({ name: "Dana Reed", phone, at: yesterday.minus({ hours: 12 }).toJSDate(), next: "Send pricing", callback: new Date() }),
    ];
    // The hot lead to call first: a hostile name, a next step and a callback time.
    const hostile = "<img src=x onerror=alert(1)>";
    const callback = new Date(Date.now() + 2 * 86_400_000);
    const leadId = await unpodCall({ name: hostile, phone: `+${phoneDigits()}`, at: new Date(), next: "Book the <b>demo</b> & send terms", callback });
    onTestFinished(() => sql("UPDATE calls SET handled_at = now() WHERE id = ANY($1::uuid[])", [[leadId, ...danas]]).then(() => {}));

    const viewId = await saveView(person, `Dana's calls ${uniq()}`, `q=${encodeURIComponent(phone)}`);
    const brokenId = await saveView(person, `Broken ${uniq()}`, "status=no-such-status");
    await saveDigest(person, { viewIds: [viewId, brokenId], sendAt: farSendAt(NY) });
    const sendId = await sendNow(person);
    const [email] = await waitForMails(mail, person.email, 1);
    expect(await settled(sendId)).toMatchObject({ status: "sent", error: null });

    // The KPIs: the rollups' days (the organisation's zone) of the covered day, as the calls table has them.
    const orgZone = await storedTimeZone();
    const [kpi] = await sql<{ calls: number; hot: number }>(
      `SELECT count(*)::int AS calls, count(*) FILTER (WHERE is_hot)::int AS hot FROM calls
       WHERE NOT is_test AND (started_at AT TIME ZONE $1)::date = $2::date`,
      [orgZone, yesterday.toISODate()],
    );
    const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
    expect(email.subject).toBe(`Your daily call digest: ${plural(kpi.calls, "call", "calls")}, ${plural(kpi.hot, "hot lead", "hot leads")}`);
    const text = email.text ?? "";
    const html = String(email.html);
    expect(text).toContain(`- Calls: ${kpi.calls.toLocaleString()}`);
    expect(text).toContain(yesterday.toFormat("ccc d LLL yyyy"));

    // The view: 2 calls against 1 the day before; the broken view says so instead of failing the digest.
    expect(text).toMatch(/- Dana's calls [\w-]+: 2 \(\+100% vs the day before\)/);
    expect(text).toContain("This view's filters are no longer valid");
    // Its link opens the calls counted: the view's filters over the covered day.
    const counted = `q=${encodeURIComponent(phone)}&amp;from=${encodeURIComponent(yesterday.toUTC().toISO()!)}&amp;to=${encodeURIComponent(today.toUTC().toISO()!)}`;
    expect(html).toContain(`${baseUrl()}/calls?${counted}`);

    // The leads: the top five unhandled, each with its link; ours with its next step and callback in New York time.
    const linked = [...html.matchAll(/\/calls\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(linked).toEqual(await expectedLeads());
    expect(linked).toContain(leadId);
    const cb = DateTime.fromJSDate(callback, { zone: NY });
    expect(text).toContain(`Book the <b>demo</b> & send terms · call back ${cb.toFormat("ccc d LLL, HH:mm")} ${cb.offsetNameShort}`);
    expect(text).toContain(`${hostile}`);

    // Escaped in the HTML: the hostile name and next step are text, never markup.
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>demo");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Book the &lt;b&gt;demo&lt;/b&gt; &amp; send terms");
    expect(html).not.toMatch(/<script/i);

    // Headers: one-click unsubscribe (RFC 8058) over https-or-app link only, and a Message-ID of this send.
    const [{ unsubscribe_token: token }] = await sql<{ unsubscribe_token: string }>(
      "SELECT unsubscribe_token FROM digest_subscriptions d JOIN users u ON u.id = d.user_id WHERE u.email = $1",
      [person.email],
    );
    const header = (key: string) => email.headerLines.find((h) => h.key === key)?.line.replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toBe(`List-Unsubscribe: <${baseUrl()}/api/digests/unsubscribe/${token}>`);
    expect(email.messageId).toBe(`<digest-${sendId}@127.0.0.1>`);
    expect(text).toContain(`${baseUrl()}/unsubscribe/${token}`);

    // The Account page's status: it went, by email.
    const status = await jsonOf<{ sends: { id: string; status: string; emailSentAt: string | null }[] }>(asUser(person, "/api/account/digest"));
    expect(status.sends[0]).toMatchObject({ id: sendId, status: "sent" });
    expect(status.sends[0].emailSentAt).not.toBeNull();

    // The preview is the same email, without sending one.
    const preview = await jsonOf<{ subject: string; html: string; text: string }>(asUser(person, "/api/account/digest/preview"));
    expect(preview.subject).toBe(email.subject);
    expect(preview.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mailsTo(mail, person.email)).toHaveLength(1);
  });

  it("posts Block Kit to the user's own Slack webhook, escaped, with a button per lead, and never shows the URL back", async () => {
    const receiver = await startReceiver();
    onTestFinished(() => receiver.close());
    const person = await newPerson("manager", "digest-slack");
    const webhookUrl = `${receiver.url}/services/T0/B0/${randomUUID().slice(0, 8)}secretXyZ9`;
    await saveDigest(person, { email: false, slack: { kind: "own", webhookUrl }, sendAt: farSendAt("UTC") });
    const settings = await (await asUser(person, "/api/account/digest")).text();
    expect(settings).not.toContain("secretXyZ9/");
    expect(settings).toContain("/services/…XyZ9");

    const sendId = await sendNow(person);
    expect(await settled(sendId)).toMatchObject({ status: "sent" });
    expect(receiver.requests).toHaveLength(1);
    const message = JSON.parse(receiver.requests[0].body) as { text: string; blocks: { type: string; accessory?: { url: string }; text?: { text: string } }[] };
    expect(message.text).toMatch(/^Your daily call digest: /);
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "Your daily call digest" } });
    const buttons = message.blocks.flatMap((b) => (b.accessory ? [b.accessory.url] : []));
    expect(buttons).toEqual((await expectedLeads()).map((id) => `${baseUrl()}/calls/${id}`));
    expect(receiver.requests[0].body).not.toContain("<img");
    expect(receiver.requests[0].body).toContain("/account#digest|Digest settings>");
    // Saving again without a new URL keeps the saved one.
    expect((await putDigest(person, { email: false, slack: { kind: "own" }, sendAt: farSendAt("UTC") })).status).toBe(200);
    const [row] = await sql<{ slack_webhook_url: string }>(
      "SELECT slack_webhook_url FROM digest_subscriptions d JOIN users u ON u.id = d.user_id WHERE u.email = $1",
      [person.email],
    );
    expect(row.slack_webhook_url).toMatch(/^enc:v1:/);
  });

  it("posts to an existing Slack destination an admin picked by name (a manager may not), and refuses a fourth send now within a minute", async () => {
    const receiver = await startReceiver();
    onTestFinished(() => receiver.close());
    const created = await asUser(TEST_ADMIN, "/api/destinations", {
      method: "POST",
      body: JSON.stringify({ kind: "slack", name: uniq("#digests"), config: { webhookUrl: `${receiver.url}/services/T0/B0/team` }, rules: { calls: "hot" } }),
    });
    expect(created.status).toBe(201);
    const { destination } = (await created.json()) as { destination: { id: string; name: string } };
    onTestFinished(() => deleteDestination(destination.id).then(() => {}));
    // A manager may not: a team's channel can be meant for some sources' calls only.
    const manager = await newPerson("manager", "digest-team-manager");
    expect(await (await asUser(manager, "/account")).text()).not.toContain(destination.name);
    const refused = await putDigest(manager, { email: false, slack: { kind: "destination", destinationId: destination.id } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("for admins to choose");

    const person = await newPerson("admin", "digest-team");
    // The Account page offers it to an admin by name, never its URL.
    const page = await (await asUser(person, "/account")).text();
    expect(page).toContain(destination.name);
    expect(page).not.toContain("/services/T0/B0/team");

    await saveDigest(person, { email: false, slack: { kind: "destination", destinationId: destination.id }, sendAt: farSendAt("UTC") });
    const sendIds = [await sendNow(person), await sendNow(person), await sendNow(person)];
    for (const id of sendIds) expect(await settled(id)).toMatchObject({ status: "sent" });
    expect(receiver.requests.map((r) => r.path)).toEqual(Array(3).fill("/services/T0/B0/team"));
    const fourth = await asUser(person, "/api/account/digest/send", { method: "POST" });
    expect(fourth.status).toBe(429);
  });

  it("records a failed channel for the Account page and, on the queue's retry, sends only what did not go", async () => {
    const receiver = await startReceiver();
    onTestFinished(() => receiver.close());
    receiver.script({ status: 500, body: "internal_error" });
    const person = await newPerson("manager", "digest-retry");
    const slack = { kind: "own" as const, webhookUrl: `${receiver.url}/services/T0/B0/retry` };
    await saveDigest(person, { email: true, slack, sendAt: farSendAt("UTC") });
    const sendId = await sendNow(person);

    // The first try: the email went, Slack answered 500; the page says so.
    expect(await settled(sendId)).toMatchObject({ status: "failed", error: "Slack: Slack answered 500: internal_error." });
    const shown = await jsonOf<{ sends: { id: string; status: string; error: string; attempts: number; emailSentAt: string | null }[] }>(
      asUser(person, "/api/account/digest"),
    );
    // (The retry may have begun by now: the error stays until it succeeds.)
    expect(shown.sends[0]).toMatchObject({ id: sendId, error: "Slack: Slack answered 500: internal_error." });
    expect(shown.sends[0].emailSentAt).not.toBeNull();

    // The queue's retry (a second later in tests) posts to Slack again and leaves the email alone.
    await expect.poll(async () => (await sql("SELECT status FROM digest_sends WHERE id = $1", [sendId]))[0].status, { timeout: 20_000 }).toBe("sent");
    expect(receiver.requests).toHaveLength(2);
    expect(mailsTo(mail, person.email)).toHaveLength(1);
  });

  it("refuses settings that cannot work, in plain words", async () => {
    const person = await newPerson("manager", "digest-bad");
    const wrongUrl = await putDigest(person, { slack: { kind: "own", webhookUrl: "https://example.com/services/x" } });
    expect(wrongUrl.status).toBe(400);
    expect(await wrongUrl.text()).toContain("Paste the Slack incoming-webhook URL");
    const nowhere = await putDigest(person, { email: false });
    expect(nowhere.status).toBe(400);
    expect(((await nowhere.json()) as { detail: string }).detail).toBe("Choose where the digest goes: email, Slack, or both.");
    expect((await putDigest(person, { sendAt: "25:00" })).status).toBe(400);
    expect((await asUser(person, "/api/account/digest/send", { method: "POST" })).status).toBe(409);
    expect((await asUser(person, "/api/account/time-zone", { method: "PUT", body: JSON.stringify({ timeZone: "Mars/Olympus" }) })).status).toBe(400);
  });
});

describe("digest schedule in a non-UTC zone across DST changes", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver?.close());

  /** Runs the due-finding as the minute job would, every 10 minutes from `from` to `to`: when each period was claimed. */
  async function run(subId: string, from: string, to: string): Promise<Record<string, string>> {
    const claimed: Record<string, string> = {};
    for (let t = Date.parse(from); t < Date.parse(to); t += 10 * 60_000) {
      for (const c of await queueDueDigests(new Date(t), { only: [subId] })) {
        expect(claimed[c.period], `${c.period} claimed twice`).toBeUndefined();
        claimed[c.period] = new Date(t).toISOString();
      }
    }
    return claimed;
  }

  it("goes once a local day at the local hour: 02:30 on the spring-forward day goes at 03:30, 01:30 on the fall-back day once", async () => {
    const person = await newPerson("manager", "digest-dst");
    await setOwnZone(person, NY);
    // Slack to a stand-in, so that the sends these claims queue go somewhere harmless.
    const slack = { kind: "own" as const, webhookUrl: `${receiver.url}/services/T0/B0/dst` };
    const subId = await saveDigest(person, { email: false, slack, sendAt: "02:30" });
    onTestFinished(() => sql("UPDATE digest_subscriptions SET enabled = false WHERE id = $1", [subId]).then(() => {}));

    // 2026-03-08: clocks go from 02:00 to 03:00 in New York (EST −5 → EDT −4).
    expect(await run(subId, "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z")).toEqual({
      "2026-03-07": "2026-03-07T07:30:00.000Z", // 02:30 EST
      "2026-03-08": "2026-03-08T07:30:00.000Z", // 02:30 does not exist: 03:30 EDT
      "2026-03-09": "2026-03-09T06:30:00.000Z", // 02:30 EDT
    });

    // 2026-11-01: clocks go from 02:00 back to 01:00; 01:30 happens twice, the digest goes at the first.
    await saveDigest(person, { email: false, slack: { kind: "own" }, sendAt: "01:30" });
    expect(await run(subId, "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z")).toEqual({
      "2026-10-31": "2026-10-31T05:30:00.000Z", // 01:30 EDT
      "2026-11-01": "2026-11-01T05:30:00.000Z", // the first 01:30 (EDT), not again at 06:30Z (EST)
      "2026-11-02": "2026-11-02T06:30:00.000Z", // 01:30 EST
    });

    // Weekly on Sundays: one period per ISO week, at the Sunday slot.
    await saveDigest(person, { email: false, slack: { kind: "own" }, frequency: "weekly", weekday: 7, sendAt: "02:30" });
    expect(await run(subId, "2026-03-07T00:00:00Z", "2026-03-16T00:00:00Z")).toEqual({
      "2026-W10": "2026-03-08T07:30:00.000Z",
      "2026-W11": "2026-03-15T06:30:00.000Z",
    });
  });

  it("after an outage sends the latest slot late, not a pile, and skips one older than a few hours", () => {
    const daily = { frequency: "daily" as const, weekday: 1, sendAt: "08:00" };
    expect(latestSlot(daily, "Europe/Berlin", new Date("2026-03-29T09:00:00Z"))).toMatchObject({ period: "2026-03-29" });
    expect(latestSlot(daily, "Europe/Berlin", new Date("2026-03-29T05:59:00Z"))).toBeNull();
    // Three days down, back at 10:30 local: only today's 08:00 goes.
    expect(latestSlot(daily, "Europe/Berlin", new Date("2026-04-01T08:30:00Z"))).toMatchObject({ period: "2026-04-01", at: new Date("2026-04-01T06:00:00Z") });
    expect(latestSlot(daily, "Europe/Berlin", new Date("2026-04-01T10:30:00Z"))).toBeNull();
  });
});

describe("exactly once", () => {
  // Worker processes this file starts send mail as the app does.
  beforeAll(() => {
    Object.assign(process.env, { SMTP_URL: `smtp://127.0.0.1:${inject("smtpPort")}`, MAIL_FROM: "Call Analytics <digest@test.invalid>", APP_URL: baseUrl() });
  });
  afterAll(() => {
    for (const key of ["SMTP_URL", "MAIL_FROM", "APP_URL"]) delete process.env[key];
  });

  it("sends a due digest once with two more worker processes and several finders at once", async () => {
    const mail = await startMailServer(inject("smtpPort"));
    onTestFinished(() => mail.close());
    const person = await newPerson("manager", "digest-once");
    const zone = "Europe/Berlin";
    await setOwnZone(person, zone);
    // Due a minute ago: the app's own minute job may find it too.
    const sendAt = DateTime.now().setZone(zone).minus({ minutes: 1 }).toFormat("HH:mm");
    const subId = await saveDigest(person, { sendAt });
    onTestFinished(() => sql("UPDATE digest_subscriptions SET enabled = false WHERE id = $1", [subId]).then(() => {}));
    await withWorker(() =>
      withWorker(async () => {
        const now = new Date();
        const rounds = await Promise.all(Array.from({ length: 6 }, () => queueDueDigests(now, { only: [subId] })));
        expect(rounds.flat().length).toBeLessThanOrEqual(1);
        await waitForMails(mail, person.email, 1, 30_000);
        await new Promise((r) => setTimeout(r, 3000));
      }),
    );
    expect(mailsTo(mail, person.email)).toHaveLength(1);
    const sends = await sql<{ status: string }>("SELECT status FROM digest_sends WHERE subscription_id = $1", [subId]);
    expect(sends).toEqual([{ status: "sent" }]);
  }, 90_000);

  it("after a worker is killed while the mail server holds its answer, the restarted send delivers exactly one email", async () => {
    let sender: ReturnType<typeof spawn> | undefined;
    const mail = await startMailServer(inject("smtpPort"), { delayMs: 1500, onArrive: () => sender?.kill("SIGKILL") });
    onTestFinished(() => mail.close());
    const person = await newPerson("manager", "digest-crash");
    const subId = await saveDigest(person, { sendAt: farSendAt("UTC") });
    onTestFinished(() => sql("UPDATE digest_subscriptions SET enabled = false WHERE id = $1", [subId]).then(() => {}));
    // Claimed as the minute job claims, but run here, in a process this test can kill.
    const [{ id: sendId }] = await sql<{ id: string }>(
      "INSERT INTO digest_sends (id, subscription_id, period) VALUES (gen_random_uuid(), $1, '2026-01-15') RETURNING id",
      [subId],
    );
    const runOnce = () => {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/support/digest-send-once.ts", sendId], {
        env: { ...process.env, SECRETS_KEY: TEST_SECRETS_KEY, LOG_LEVEL: "warn" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (d) => (out += String(d)));
      return {
        child,
        done: new Promise<{ code: number | null; signal: string | null; out: string }>((r) => child.once("exit", (code, signal) => r({ code, signal, out }))),
      };
    };

    const first = runOnce();
    sender = first.child;
    expect(await first.done).toMatchObject({ signal: "SIGKILL" });
    // The server never answered: it kept nothing, and the send is not marked as emailed.
    await new Promise((r) => setTimeout(r, 1800));
    expect(mailsTo(mail, person.email)).toHaveLength(0);
    expect((await sql("SELECT status, email_sent_at FROM digest_sends WHERE id = $1", [sendId]))[0]).toMatchObject({ status: "sending", email_sent_at: null });

    sender = undefined;
    const restarted = runOnce();
    expect((await restarted.done).out).toContain("sent");
    expect(mailsTo(mail, person.email)).toHaveLength(1);
    // A retry after it went (a duplicate job, a late lease) sends nothing more.
    expect((await runOnce().done).out).toContain("already sent");
    expect(mailsTo(mail, person.email)).toHaveLength(1);
  }, 60_000);
});

describe("unsubscribe", () => {
  it("works without signing in, by the page's button and by RFC 8058 one-click, and stops the next digest", async () => {
    const person = await newPerson("manager", "digest-unsub");
    const subId = await saveDigest(person, { sendAt: "08:00" });
    const token = async () => (await sql<{ t: string }>("SELECT unsubscribe_token AS t FROM digest_subscriptions WHERE id = $1", [subId]))[0].t;
    const first = await token();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The page, signed out: what stops, and a button.
    const page = await fetch(`${baseUrl()}/unsubscribe/${first}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`The daily call digest for ${person.email} (by email) stops.`);
    // The header's link opened in a browser shows the same page.
    const opened = await fetch(`${baseUrl()}/api/digests/unsubscribe/${first}`, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/unsubscribe/${first}`);

    // One-click, as a mail provider sends it: 200, no redirect; the digest is off and the token new.
    const oneClick = await fetch(`${baseUrl()}/api/digests/unsubscribe/${first}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    const second = await token();
    expect(second).not.toBe(first);
    expect((await sql("SELECT enabled FROM digest_subscriptions WHERE id = $1", [subId]))[0]).toEqual({ enabled: false });
    const due = new Date(
      DateTime.now()
        .setZone(await storedTimeZone())
        .startOf("day")
        .plus({ hours: 8, minutes: 5 })
        .toMillis(),
    );
    expect(await queueDueDigests(due, { only: [subId] })).toEqual([]);

    // The old link: a clear page, and a 404 for a second one-click.
    const stale = await fetch(`${baseUrl()}/unsubscribe/${first}`);
    expect(stale.status).toBe(200);
    expect(await stale.text()).toContain("This link does not work any more");
    expect((await fetch(`${baseUrl()}/api/digests/unsubscribe/${first}`, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(404);
    expect((await fetch(`${baseUrl()}/unsubscribe/not-a-token`)).status).toBe(200);

    // Turned on again, then off by the page's own button, which lands on a confirmation.
    await saveDigest(person, { sendAt: "08:00" });
    const button = await fetch(`${baseUrl()}/api/digests/unsubscribe/${second}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "from=page",
      redirect: "manual",
    });
    expect(button.status).toBe(303);
    expect(button.headers.get("location")).toBe(`/unsubscribe/${second}?done=1`);
    expect(await (await fetch(`${baseUrl()}/unsubscribe/${second}?done=1`)).text()).toContain("You are unsubscribed");
    expect((await sql("SELECT enabled FROM digest_subscriptions WHERE id = $1", [subId]))[0]).toEqual({ enabled: false });
    expect(await queueDueDigests(due, { only: [subId] })).toEqual([]);
  });
});
