import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/**
 * A node:http listener from an async handler. A handler that throws answers
 * 500 with its message, rather than leaving the request to hang and the
 * rejection unhandled.
 */
export function asyncListener(handler: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>): RequestListener {
  return (req, res) => {
    handler(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(e instanceof Error ? e.message : "The test server's handler failed.");
    });
  };
}
