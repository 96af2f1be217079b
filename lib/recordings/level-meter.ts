// Turns decoded samples into a loudness strip without keeping the samples: an
// hour of 48 kHz audio is 170 M floats, but only 180 k windows of 20 ms.

/** How many points the strip has; fewer when the audio is shorter than this many windows. */
export const LEVEL_POINTS = 300;

// Short enough that a 6 s recording still fills the strip, long enough that an hour stays small.
const WINDOW_MS = 20;

export class LevelMeter {
  /** Mean square of each finished window. */
  private readonly windows: number[] = [];
  private readonly windowFrames: number;
  private sum = 0;
  private count = 0;
  private framesInWindow = 0;
  frames = 0;

  constructor(readonly sampleRate: number) {
    this.windowFrames = Math.max(1, Math.round((sampleRate * WINDOW_MS) / 1000));
  }

  /** Adds `frames` frames of -1..1 samples, one array per channel. */
  add(channels: readonly Float32Array[], frames: number): void {
    // Window by window, channel by channel: the inner loop is the hot one, an hour is 10^8 samples.
    for (let start = 0; start < frames;) {
      const end = Math.min(frames, start + this.windowFrames - this.framesInWindow);
      for (const channel of channels) {
        let sum = 0;
        for (let i = start; i < end; i++) sum += channel[i] * channel[i];
        this.sum += sum;
      }
      this.count += (end - start) * channels.length;
      this.framesInWindow += end - start;
      if (this.framesInWindow === this.windowFrames) this.closeWindow();
      start = end;
    }
    this.frames += frames;
  }

  get durationMs(): number {
    return Math.round((this.frames / this.sampleRate) * 1000);
  }

  /** RMS of equal shares of the audio, scaled so the loudest is 100. */
  levels(): number[] {
    if (this.framesInWindow > 0) this.closeWindow();
    const { windows } = this;
    const points = Math.min(LEVEL_POINTS, windows.length);
    const rms: number[] = [];
    for (let p = 0; p < points; p++) {
      const from = Math.floor((p * windows.length) / points);
      const to = Math.floor(((p + 1) * windows.length) / points);
      let sum = 0;
      for (let w = from; w < to; w++) sum += windows[w];
      rms.push(Math.sqrt(sum / (to - from)));
    }
    const loudest = Math.max(0, ...rms);
    // A silent file has nothing to scale against: all zeros rather than NaN.
    return rms.map((r) => (loudest > 0 ? Math.round((r / loudest) * 100) : 0));
  }

  private closeWindow(): void {
    this.windows.push(this.count > 0 ? this.sum / this.count : 0);
    this.sum = 0;
    this.count = 0;
    this.framesInWindow = 0;
  }
}
