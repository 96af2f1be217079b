/**
 * Reads a request body up to `limit` bytes. Returns null as soon as the body
 * grows past it, without reading the rest (chunked uploads have no length).
 * The stream is released, not cancelled: cancelling destroys the socket
 * before the 413 answer is written. Node then discards the rest of the upload
 * (bounded by its request timeout), so the sender still receives the answer;
 * closing the connection at once instead makes the sender's next bytes reset
 * it, and a reset can discard the unread answer.
 */
export async function readBodyCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
