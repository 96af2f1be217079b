import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claim, listSpoolFiles, orphaned, processToken } from "@/lib/ingest/spool/files";
import { decodeRecords, encodeRecord, type SpooledEvent } from "@/lib/ingest/spool/record";
import { SpoolRefused, SpoolWriter } from "@/lib/ingest/spool/writer";

// The spool's file format and its files: what a crash or a torn write leaves
// is read back as far as it is whole, and a dead process's file is taken over once.

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "spool-unit-"));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const event = (n: number): SpooledEvent => ({
  id: `0193a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, "0")}`,
  sourceId: "0193a1b2-c3d4-7e5f-8a9b-aaaaaaaaaaaa",
  receivedAt: new Date(Date.UTC(2026, 10, 28, 12, 0, n)).toISOString(),
  method: "POST",
  headers: { "content-type": "application/json" },
  query: {},
  body: Buffer.from(JSON.stringify({ callId: `c-${n}`, text: "Сәлеметсіз бе 🚗" })).toString("base64"),
});

describe("spool records", () => {
  it("reads back what was written, in order", () => {
    const data = Buffer.concat([1, 2, 3].map((n) => encodeRecord(event(n))));
    expect(decodeRecords(data, () => expect.unreachable())).toEqual([event(1), event(2), event(3)]);
  });

  it("skips a torn tail (a write cut short) and reports where", () => {
    const whole = Buffer.concat([encodeRecord(event(1)), encodeRecord(event(2))]);
    const torn = encodeRecord(event(3)).subarray(0, 40);
    const damage: unknown[] = [];
    expect(decodeRecords(Buffer.concat([whole, torn]), (d) => damage.push(d))).toEqual([event(1), event(2)]);
    expect(damage).toEqual([{ at: whole.length, skipped: 40 }]);
  });

  it("skips a corrupted record in the middle and reads on from the next one", () => {
    const records = [1, 2, 3].map((n) => encodeRecord(event(n)));
    records[1][records[1].length - 5] ^= 0xff; // a flipped byte: the checksum no longer matches
    const damage: unknown[] = [];
    expect(decodeRecords(Buffer.concat(records), (d) => damage.push(d))).toEqual([event(1), event(3)]);
    expect(damage).toEqual([{ at: records[0].length, skipped: records[1].length }]);
  });
});

describe("spool writer", () => {
  it("keeps appends made at once in one file, on disk when they resolve", async () => {
    const writer = new SpoolWriter(await tempDir(), 1024 * 1024);
    await Promise.all([1, 2, 3, 4, 5].map((n) => writer.append(event(n))));
    const [file] = await listSpoolFiles(writer.dir);
    expect(file.token).toBe(processToken);
    expect(decodeRecords(await readFile(file.path), () => {})).toEqual([1, 2, 3, 4, 5].map(event));
  });

  it("refuses beyond its limit, and takes more once the drainer has released what it stored", async () => {
    const one = encodeRecord(event(1)).length;
    const writer = new SpoolWriter(await tempDir(), one * 2);
    await writer.append(event(1));
    await writer.append(event(2));
    await expect(writer.append(event(3))).rejects.toThrow(SpoolRefused);
    writer.released(one);
    await writer.append(event(3));
  });

  it("refuses when the disk does (here: its directory cannot be made)", async () => {
    const blocker = path.join(await tempDir(), "a-file");
    await writeFile(blocker, "");
    const writer = new SpoolWriter(path.join(blocker, "spool"), 1024 * 1024);
    await expect(writer.append(event(1))).rejects.toThrow(SpoolRefused);
  });

  it("starts a new file after seal, leaving the sealed one for the drainer", async () => {
    const writer = new SpoolWriter(await tempDir(), 1024 * 1024);
    await writer.append(event(1));
    await writer.seal();
    expect(writer.openPath).toBeNull();
    await writer.append(event(2));
    expect((await readdir(writer.dir)).length).toBe(2);
  });
});

describe("spool files of other processes", () => {
  it("takes over a file whose process is gone, once, and leaves a live process's file alone", async () => {
    const dir = await tempDir();
    const dead = `${String(Date.now() - 5000).padStart(15, "0")}-999999999-0123456789abcdef-1.spool`;
    const live = `${String(Date.now() - 4000).padStart(15, "0")}-${process.ppid}-fedcba9876543210-1.spool`;
    const restarted = `${String(Date.now() - 3000).padStart(15, "0")}-${process.pid}-00000000000000aa-1.spool`;
    for (const name of [dead, live, restarted]) await writeFile(path.join(dir, name), encodeRecord(event(1)));

    const files = await listSpoolFiles(dir);
    expect(files.map((f) => [f.name, orphaned(f)])).toEqual([
      [dead, true],
      [live, false],
      [restarted, true], // our pid, another token: a previous run of this pid
    ]);
    const [first, second] = await Promise.all([claim(dir, files[0]), claim(dir, files[0])]);
    expect([first, second].filter(Boolean).length).toBe(1);
    const taken = (first ?? second)!;
    expect(taken.token).toBe(processToken);
    expect(taken.startedAt).toEqual(files[0].startedAt);
    expect((await listSpoolFiles(dir)).map((f) => f.name)[0]).toBe(taken.name);
  });
});
