import http from "node:http";
import { sendBytes, wav } from "./audio-server";

// A vendor's storage that serves pages and images as "recordings", next to
// real audio labelled well, badly or not at all. The script in each hostile
// file changes document.title, so a browser test can tell whether it ran.

export const PWNED_TITLE = "pwned by a recording";
const html = Buffer.from(
  `<!doctype html><title>recording</title><script>document.title = ${JSON.stringify(PWNED_TITLE)}; fetch("/api/users").then(r => r.text()).then(t => { window.__stolen = t })</script>`,
);
const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>document.title = ${JSON.stringify(PWNED_TITLE)}</script><circle r="10"/></svg>`);
export const AUDIO = wav(3);

/** Path -> [body, content type (null: none sent)] */
export const HOSTILE_FILES: Record<string, [Buffer, string | null]> = {
  "/page.html": [html, "text/html; charset=utf-8"],
  "/image.svg": [svg, "image/svg+xml"],
  "/page-as-octets": [html, "application/octet-stream"],
  "/page-as-audio": [html, "audio/mpeg"],
  "/call.wav": [AUDIO, "audio/wav"],
  "/call-as-octets": [AUDIO, "application/octet-stream"],
  "/call-unlabelled": [AUDIO, null],
};

/**
 * "/endless" answers a Range in the middle with a few bytes, and the request
 * for the file's start with audio that never ends; `endlessBytesSent` says how
 * much of it went out before the reader hung up.
 */
export async function startHostileStorage(): Promise<{ url: string; endlessBytesSent(): number; close(): Promise<void> }> {
  let endlessSent = 0;
  const server = http.createServer((req, res) => {
    if (req.url === "/endless") {
      if (!req.headers.range?.startsWith("bytes=0-")) {
        return void res.writeHead(206, { "content-type": "application/octet-stream", "content-range": "bytes 100-199/*" }).end(Buffer.alloc(100));
      }
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const chunk = Buffer.concat([AUDIO, Buffer.alloc(1024 * 1024 - AUDIO.length)]);
      const pump = () => {
        while (!res.destroyed && endlessSent < 1024 * 1024 * 1024) {
          endlessSent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      res.on("close", () => res.destroy());
      return pump();
    }
    const file = HOSTILE_FILES[req.url ?? ""];
    if (!file) return void res.writeHead(404).end();
    const [body, type] = file;
    sendBytes(req, res, body, type ? { "content-type": type } : {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    endlessBytesSent: () => endlessSent,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
