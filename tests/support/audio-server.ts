import http from "node:http";

/** A mono 8 kHz 16-bit WAV of a quiet tone, `seconds` long. */
export function wav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write("RIFF", 0);
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write("WAVEfmt ", 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write("data", 36);
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) buf.writeInt16LE(Math.round(2000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return buf;
}

/** Answers with `file`, or the part a Range header asks for (206), as storage servers do. */
export function sendBytes(req: http.IncomingMessage, res: http.ServerResponse, file: Buffer, headers: Record<string, string>): void {
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  const base = { ...headers, "accept-ranges": "bytes" };
  if (!range) return void res.writeHead(200, { ...base, "content-length": file.length }).end(file);
  const start = range[1] ? Number(range[1]) : 0;
  const end = range[2] ? Math.min(Number(range[2]), file.length - 1) : file.length - 1;
  res.writeHead(206, { ...base, "content-length": end - start + 1, "content-range": `bytes ${start}-${end}/${file.length}` });
  res.end(file.subarray(start, end + 1));
}

/** Serves files like a vendor's storage: Range requests answered with 206. */
export async function startAudioServer(files: Record<string, Buffer>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ""];
    if (!file) return void res.writeHead(404).end();
    sendBytes(req, res, file, { "content-type": "audio/wav" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
