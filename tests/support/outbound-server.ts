import { createServer, type IncomingHttpHeaders } from "node:http";
import { asyncListener } from "./listener";

// A local server for the outbound guard's tests (lib/security/outbound.ts):
// it records every request and answers "ok", or redirects where asked. Two
// of them, on two ports of 127.0.0.1, are two origins.

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type OutboundServer = Awaited<ReturnType<typeof startServer>>;

export async function startServer() {
  const received: Received[] = [];
  const server = createServer(
    asyncListener(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ method: req.method ?? "", path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/to-metadata") return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      if (url.pathname === "/to-localhost") return void res.writeHead(302, { location: `http://localhost:${port}/ok` }).end();
      if (url.pathname === "/redirect") return void res.writeHead(Number(url.searchParams.get("status")), { location: url.searchParams.get("to")! }).end();
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return { port, url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
