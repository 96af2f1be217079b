// npm run bench:pages: JavaScript each main page loads on a first visit, in
// Chromium (compressed bytes on the wire, and uncompressed), and whether the
// chart library is among it.
import { launchBrowser, signIn } from "../support/browser";
import { TEST_MANAGER } from "../support/credentials";
import { postWebhook } from "../support/webhook";
import { startStack } from "../support/stack";

const stack = await startStack({ quiet: true, appEnv: { DEMO_DATA: "off" } });
const { callId } = (await (await postWebhook(stack.baseUrl, "cllr", { callId: "weight-1", callAnalysis: { summary: "A call" } })).json()) as { callId: string };
const browser = await launchBrowser();
try {
  const rows: string[] = [];
  for (const [name, path] of [
    ["Overview", "/"],
    ["Calls", "/calls"],
    ["Call page", `/calls/${callId}`],
    ["Hot leads", "/hot-leads"],
  ]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, stack.baseUrl, TEST_MANAGER, "/login");
    await page.waitForURL(`${stack.baseUrl}/`);
    // A fresh context per page would log in again; instead clear the cache and measure a cold load.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.clearBrowserCache");
    const js = new Map<string, { url: string; wire: number }>();
    cdp.on("Network.responseReceived", (e) => {
      if (e.type === "Script") js.set(e.requestId, { url: e.response.url, wire: 0 });
    });
    cdp.on("Network.loadingFinished", (e) => {
      const entry = js.get(e.requestId);
      if (entry) entry.wire = e.encodedDataLength;
    });
    await page.goto(`${stack.baseUrl}${path}`, { waitUntil: "networkidle" });
    const scripts = [...js.values()];
    const raw = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((r) => r.name.endsWith(".js"))
        .reduce((s, r) => s + (r as PerformanceResourceTiming).decodedBodySize, 0),
    );
    const charts = await page.evaluate(() => Boolean(document.querySelector(".recharts-wrapper")));
    const wire = scripts.reduce((s, x) => s + x.wire, 0);
    rows.push(
      `${name.padEnd(10)} ${String(scripts.length).padStart(3)} files  ${(wire / 1024).toFixed(0).padStart(5)} KB on the wire  ${(raw / 1024).toFixed(0).padStart(5)} KB uncompressed  charts: ${charts ? "yes" : "no"}`,
    );
    await context.close();
  }
  console.log(`\nFirst-load JavaScript (Chromium, production build):\n${rows.join("\n")}`);
} finally {
  await browser.close();
  await stack.stop();
}
process.exit(0);
