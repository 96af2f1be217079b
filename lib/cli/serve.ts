// The production server: Next.js behind node:http, so that the client's
// address and the forwarding headers are what this machine can vouch for
// (lib/http/forwarding.ts), which `next start` cannot do. Shuts down as
// `next start` does: stop accepting, finish what is in flight, then exit.
import http from "node:http";
import { trustForwarding } from "../http/forwarding";
import { portTaken } from "./start-errors";

Object.assign(process.env, { NODE_ENV: "production" });
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
const hops = Number(process.env.TRUST_PROXY ?? 0);
if (!Number.isInteger(hops) || hops < 0) throw new Error("TRUST_PROXY must be the number of reverse proxies in front of the app (0 when none).");

const { default: next } = await import("next");
const app = next({ dev: false, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  trustForwarding(req.headers, req.socket.remoteAddress, hops);
  void handle(req, res);
});
// Taken since npm start checked it (during the build, say).
server.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EADDRINUSE") throw e;
  console.error(portTaken(port, "PORT"));
  process.exit(1);
});
server.listen(port, host, () => console.log(`Listening on http://${host ?? "localhost"}:${port}`));

let stopping = false;
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // The variable keys of the last webhooks' calls are counted after their answers: written before the process goes.
    // (The batches' state is on globalThis, shared with the app's own copy of the module.)
    const counted = () => import("../calls/variables/count-soon").then((m) => m.keyCountsWritten());
    server.close(
      () =>
        void counted()
          .then(() => app.close())
          .finally(() => process.exit(code)),
    );
    server.closeIdleConnections();
    // A long download (a CSV export, a recording) does not hold the shutdown up for long.
    setTimeout(() => process.exit(code), 10_000).unref();
  });
}
