import { createServer, type ServerResponse } from "node:http";

// A vendor's file storage for tests: each path answers with a scripted
// sequence of responses (the last one repeats), and every request is counted.

export type Reply = { status: number; body?: string | Buffer; headers?: Record<string, string>; delayMs?: number };

export interface FileServer {
  url: string;
  /** Requests per path. */
  hits: Map<string, number>;
  serve(path: string, ...replies: Reply[]): string;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const routes = new Map<string, Reply[]>();
  const hits = new Map<string, number>();
  const server = createServer((req, res: ServerResponse) => {
    const path = req.url ?? "/";
    const n = hits.get(path) ?? 0;
    hits.set(path, n + 1);
    const replies = routes.get(path);
    const reply = replies?.[Math.min(n, replies.length - 1)] ?? { status: 404 };
    setTimeout(() => res.writeHead(reply.status, reply.headers).end(reply.body), reply.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    hits,
    serve(path, ...replies) {
      routes.set(path, replies);
      return `${url}${path}`;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
