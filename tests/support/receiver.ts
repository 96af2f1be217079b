import { createServer, type IncomingHttpHeaders } from "node:http";
import { asyncListener } from "./listener";

// A receiver for forwarded calls (a Slack incoming webhook, a customer's
// endpoint): it records every request and answers from a script, the last
// reply repeating. `onRequest` runs before answering, e.g. to kill a sender.

export interface Received {
  /** When it arrived (ms since the epoch). */
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply = { status: number; body?: string; headers?: Record<string, string> };

export interface Receiver {
  url: string;
  requests: Received[];
  /** Replies for the next requests, in order; after them `fallback`. */
  script(...replies: Reply[]): void;
  fallback: Reply;
  onRequest?: (r: Received) => void | Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(fallback: Reply = { status: 200, body: "ok" }, port = 0): Promise<Receiver> {
  const queue: Reply[] = [];
  const receiver: Receiver = {
    url: "",
    requests: [],
    fallback,
    script: (...replies) => queue.push(...replies),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer(
    asyncListener(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const received = { at: Date.now(), path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      receiver.requests.push(received);
      await receiver.onRequest?.(received);
      const reply = queue.shift() ?? receiver.fallback;
      res.writeHead(reply.status, reply.headers).end(reply.body ?? "");
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return receiver;
}
