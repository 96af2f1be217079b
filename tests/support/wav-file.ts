export interface WavOptions {
  rate?: number;
  channels?: number;
  /** 8, 16, 24 or 32; with `float`, 32 only. */
  bits?: number;
  float?: boolean;
}

/** A WAV file of `samples` (-1..1, channels interleaved), as integer PCM or IEEE float. */
export function wavFile(samples: ArrayLike<number>, { rate = 8000, channels = 1, bits = 16, float = false }: WavOptions = {}): Buffer {
  const bytes = bits / 8;
  const size = samples.length * bytes;
  const buf = Buffer.alloc(44 + size);
  buf.write("RIFF", 0);
  buf.writeUInt32LE(36 + size, 4);
  buf.write("WAVEfmt ", 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(float ? 3 : 1, 20);
  buf.writeUInt16LE(channels, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * channels * bytes, 28);
  buf.writeUInt16LE(channels * bytes, 32);
  buf.writeUInt16LE(bits, 34);
  buf.write("data", 36);
  buf.writeUInt32LE(size, 40);
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    const at = 44 + i * bytes;
    if (float) buf.writeFloatLE(s, at);
    // 8-bit WAV is unsigned, centred on 128; wider samples are signed.
    else if (bits === 8) buf.writeUInt8(Math.round(s * 127) + 128, at);
    else buf.writeIntLE(Math.round(s * (2 ** (bits - 1) - 1)), at, bytes);
  }
  return buf;
}
