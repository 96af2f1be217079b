import { createServer } from "node:net";

/** Whether something already listens on `port` (on `host`, or on all interfaces): asked by trying to listen there. */
export function portInUse(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => (e.code === "EADDRINUSE" ? resolve(true) : reject(e)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}
