// A quick check of a clone as a new user runs it: `npm start`, one webhook,
// the call it made through the read API, the sign-in page, then Ctrl-C.
// CI runs it on the Node lines the full suite does not run on.
//   node --import tsx tests/smoke/start.ts      (PORT, EMBEDDED_PG_PORT to move it)
import { spawn } from "node:child_process";
import { connect } from "node:net";
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

const port = process.env.PORT ?? "3300";
const pgPort = process.env.EMBEDDED_PG_PORT ?? "54330";
const base = `http://localhost:${port}`;
const secret = "smoke-webhook-secret-0123456789";
const apiKey = "smoke-api-key-0123456789abcdef";

const app = spawn("npm", ["start"], {
  env: {
    ...process.env,
    PORT: port,
    EMBEDDED_PG_PORT: pgPort,
    WEBHOOK_SECRET: secret,
    BOOTSTRAP_API_KEY: apiKey,
    DEMO_CALLS: "30",
  },
  stdio: ["ignore", "pipe", "pipe"],
  // Its own process group, so that a signal reaches npm and the app as Ctrl-C in a terminal does.
  detached: true,
});
let output = "";
app.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
app.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
const exited = new Promise<string>((resolve) => app.on("exit", (code, signal) => resolve(signal ?? `exit ${code}`)));

/** Stops the app as Ctrl-C would, and waits: leaving early would orphan its Postgres. */
async function stopApp(): Promise<string> {
  process.kill(-app.pid!, "SIGINT");
  return Promise.race([exited, sleep(30_000, "timeout" as const)]);
}

async function fail(why: string): Promise<never> {
  console.error(`smoke: ${why}`);
  await stopApp();
  console.error(`--- npm start printed ---\n${output}`);
  process.exit(1);
}

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (app.exitCode !== null) await fail(`npm start exited with ${app.exitCode} before serving`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(500);
  }
  await fail("the app did not answer /api/health within 5 minutes");
}

const started = Date.now();
await waitForHealth(started + 5 * 60_000);
console.log(`smoke: node ${process.version}, app healthy after ${((Date.now() - started) / 1000).toFixed(0)} s`);

const payload = await readFile(new URL("../fixtures/autocalls/campaign-call.json", import.meta.url), "utf8");
const hook = await fetch(`${base}/api/webhooks/autocalls`, {
  method: "POST",
  headers: { "content-type": "application/json", "x-webhook-secret": secret },
  body: payload,
});
const stored = (await hook.json()) as { status?: string; callId?: string };
// "duplicate" on a second run: the embedded database keeps its data in .data/.
const accepted = (hook.status === 202 && stored.status === "stored") || (hook.status === 200 && stored.status === "duplicate");
if (!accepted || !stored.callId) await fail(`webhook answered ${hook.status} ${JSON.stringify(stored)}`);

const call = await fetch(`${base}/api/calls/${stored.callId}`, { headers: { authorization: `Bearer ${apiKey}` } });
const body = (await call.json()) as { provider?: string };
if (!call.ok || body.provider !== "autocalls") await fail(`the webhook's call reads ${call.status} ${JSON.stringify(body)}`);

const page = await fetch(`${base}/login`);
const html = await page.text();
if (!page.ok || !html.includes("Sign in")) await fail(`/login answered ${page.status}`);
console.log("smoke: webhook stored and readable, sign-in page served");

// A demo call can be heard: its recording plays from the archive, as audio.
const auth = { authorization: `Bearer ${apiKey}` };
const listed = (await (await fetch(`${base}/api/calls?outcome=meeting_scheduled&limit=20`, { headers: auth })).json()) as { items?: { id: string }[] };
let played: string | null = null;
for (const { id } of listed.items ?? []) {
  const detail = (await (await fetch(`${base}/api/calls/${id}`, { headers: auth })).json()) as { recording?: { status: string } };
  if (detail.recording?.status !== "stored") continue;
  const audio = await fetch(`${base}/api/calls/${id}/recording`, { headers: { ...auth, range: "bytes=0-99" } });
  played = `${audio.status} ${audio.headers.get("content-type")}`;
  await audio.body?.cancel();
  break;
}
if (played !== "206 audio/ogg") await fail(`no demo call played from the archive (${played ?? "none archived"})`);
console.log("smoke: a demo call's recording plays from the archive");

// npm itself ends by the signal; what matters is that nothing is left running.
const ended = await stopApp();
if (ended === "timeout") await fail("npm start was still running 30 s after Ctrl-C");
const leftOver = await fetch(`${base}/api/health`).then(
  () => true,
  () => false,
);
if (leftOver) await fail("the app still answers after Ctrl-C");
const pgLeftOver = await new Promise<boolean>((resolve) => {
  const socket = connect(Number(pgPort), "127.0.0.1");
  socket.on("connect", () => (socket.destroy(), resolve(true)));
  socket.on("error", () => resolve(false));
});
if (pgLeftOver) await fail("the embedded Postgres still runs after Ctrl-C");
console.log("smoke: stopped cleanly");
