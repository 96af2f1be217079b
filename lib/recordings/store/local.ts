import { randomUUID } from "node:crypto";
import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { assertSafeKey } from "./key";
import type { RecordingStore, StoredObject } from "./types";

// Recordings as files under one directory of this machine. A file is written
// under a temporary name, synced, then renamed into place: rename is atomic, so
// a reader (or a crash) never finds half a recording under its key.

export class LocalRecordingStore implements RecordingStore {
  readonly kind = "local";
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** The key's file, checked to be inside the directory whatever the key holds. */
  pathOf(key: string): string {
    assertSafeKey(key);
    const path = resolve(this.dir, key);
    if (!path.startsWith(this.dir + sep)) throw new Error(`Not a recording key: ${JSON.stringify(key.slice(0, 80))}`);
    return path;
  }

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    const folder = dirname(path);
    await mkdir(folder, { recursive: true });
    // A dot name in the same folder: hidden from keys (assertSafeKey), and on the same file system for rename.
    const temp = join(folder, `.${basename(path)}.${randomUUID()}.tmp`);
    try {
      const file = await open(temp, "wx", 0o640);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    // The rename itself is on disk only once the folder is synced.
    await syncFolder(folder);
  }

  async get(key: string, range?: { start: number; end?: number }): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    let file: FileHandle;
    try {
      file = await open(path, "r");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return null;
      throw e;
    }
    const stat = await file.stat().catch(async (e: unknown) => {
      await file.close();
      throw e;
    });
    const size = stat.size;
    const start = range?.start ?? 0;
    const end = Math.min(range?.end ?? size - 1, size - 1);
    if (!stat.isFile() || start > end) {
      await file.close();
      if (!stat.isFile()) return null;
      if (size === 0) return { size, start: 0, end: -1, body: new ReadableStream({ start: (c) => c.close() }) };
      throw new RangeError(`Range starts at ${start}, past the end of ${size} bytes`);
    }
    // The stream owns the handle from here: it closes it at the end, on an error, or when the reader cancels.
    const stream = file.createReadStream({ start, end });
    return { size, start, end, body: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
