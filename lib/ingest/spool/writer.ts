import { mkdir, open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { logger } from "@/lib/log";
import { newFileName, spoolStats } from "./files";
import { encodeRecord, type SpooledEvent } from "./record";

// This process's spool: records are appended to its current file and on disk
// (fdatasync) before the webhook is answered. Appends that arrive while one is
// being written go together in the next write and sync (a group commit), so a
// burst costs one sync, not one per request. A file is closed at FILE_BYTES, or
// when the drainer asks for it. What the spool directory holds (this process's
// files and any other's) is bounded by maxBytes.

const FILE_BYTES = 16 * 1024 * 1024;

/** The spool cannot take more (full, or the disk refused): answer 503 so the vendor retries. */
export class SpoolRefused extends Error {
  readonly name = "SpoolRefused";
}

/**
 * By name, not instanceof: the writer is shared by every bundle Next.js makes
 * of this module (routes, instrumentation), so its errors may come from another copy of the class.
 */
export const isSpoolRefused = (e: unknown): e is SpoolRefused => e instanceof Error && e.name === "SpoolRefused";

interface Waiting {
  record: Buffer;
  done: (error?: Error) => void;
}

export class SpoolWriter {
  private current: { path: string; handle: FileHandle; bytes: number } | null = null;
  /** The file being opened: it exists on disk before `current` is set, and the drainer must leave it alone. */
  private opening: string | null = null;
  /** Bytes of other files in the directory (other processes', or ours from before a restart), as of the last file opened. */
  private others = 0;
  private waiting: Waiting[] = [];
  private writing: Promise<void> | null = null;
  /** Bytes in this process's files that the drainer has not yet removed, and bytes of appends not yet written. */
  private onDisk = 0;
  private inFlight = 0;

  constructor(
    readonly dir: string,
    private readonly maxBytes: number,
  ) {}

  /** Resolves once the event is on disk. */
  append(event: SpooledEvent): Promise<void> {
    const record = encodeRecord(event);
    const held = this.onDisk + this.inFlight + this.others;
    if (held + record.length > this.maxBytes) {
      return Promise.reject(new SpoolRefused(`The spool holds ${held} bytes, its limit is ${this.maxBytes} (SPOOL_MAX_BYTES).`));
    }
    this.inFlight += record.length;
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, done: (error) => (error ? reject(error) : resolve()) });
      this.writing ??= this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      const bytes = Buffer.concat(batch.map((w) => w.record));
      try {
        const file = await this.file();
        // A full disk can take part of a write without an error: write until all of it is in.
        for (let at = 0; at < bytes.length;) at += (await file.handle.write(bytes, at)).bytesWritten;
        await file.handle.datasync();
        file.bytes += bytes.length;
        this.onDisk += bytes.length;
        if (file.bytes >= FILE_BYTES) await this.closeCurrent();
        for (const w of batch) w.done();
      } catch (e) {
        logger.error({ err: (e as Error).message, dir: this.dir }, "the spool could not write; webhooks are refused until it can");
        // A write cut short leaves a torn record: the next write starts a new file, and readers skip the torn one.
        await this.closeCurrent().catch(() => {});
        for (const w of batch) w.done(new SpoolRefused(`The spool could not write: ${(e as Error).message}`));
      } finally {
        this.inFlight -= bytes.length;
      }
    }
    this.writing = null;
  }

  private async file() {
    if (!this.current) {
      const path = join(this.dir, newFileName());
      this.opening = path;
      try {
        await mkdir(this.dir, { recursive: true, mode: 0o700 });
        this.others = Math.max(0, (await spoolStats(this.dir)).bytes - this.onDisk);
        const handle = await open(path, "a", 0o600);
        // The new file's name is on disk too, not only its contents, before anything in it is answered 202.
        const dir = await open(this.dir, "r");
        await dir.sync().finally(() => dir.close());
        this.current = { path, handle, bytes: 0 };
      } finally {
        this.opening = null;
      }
    }
    return this.current;
  }

  private async closeCurrent() {
    const closing = this.current;
    this.current = null;
    await closing?.handle.close();
  }

  /** Closes the file being written (after what is waiting is on disk), so the drainer can take it; the next append starts another. */
  async seal(): Promise<void> {
    while (this.writing) await this.writing;
    await this.closeCurrent();
  }

  /** The path of the file being written (or opened), which the drainer leaves alone. */
  get openPath(): string | null {
    return this.current?.path ?? this.opening;
  }

  /** The drainer removed `bytes` of this process's records. */
  released(bytes: number) {
    this.onDisk = Math.max(0, this.onDisk - bytes);
  }
}
