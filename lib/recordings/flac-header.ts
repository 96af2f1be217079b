// The FLAC decoder drops a short final frame (up to a block, ~50 ms): the
// stream header's own sample count gives the exact length instead.

/** Duration from a native FLAC file's STREAMINFO block, or null when it does not say. */
export function flacHeaderDurationMs(bytes: Uint8Array): number | null {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  // STREAMINFO is always the first metadata block (type 0), right after "fLaC".
  if (magic !== "fLaC" || bytes.length < 26 || (bytes[4] & 0x7f) !== 0) return null;
  const rate = (bytes[18] << 12) | (bytes[19] << 4) | (bytes[20] >> 4);
  // 36 bits, more than a 32-bit shift can hold: the top 4 by multiplication.
  const samples = (bytes[21] & 0x0f) * 2 ** 32 + new DataView(bytes.buffer, bytes.byteOffset + 22, 4).getUint32(0);
  return rate > 0 && samples > 0 ? Math.round((samples / rate) * 1000) : null;
}
