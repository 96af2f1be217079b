import { describe, expect, it } from "vitest";
import { coalescing } from "@/lib/jobs/coalesce";

// Follow-up jobs and variable-key counts asked for by concurrent webhooks go
// out in a few batches: what is asked while a write is in flight waits for it
// and then goes together.

function recorder(name: string, fail?: (batch: number[]) => boolean) {
  const writes: number[][] = [];
  let release: () => void = () => {};
  let held: Promise<void> | null = null;
  const c = coalescing<number[]>(
    name,
    () => [],
    async (batch) => {
      writes.push([...batch]);
      if (held) await held;
      if (fail?.(batch)) throw new Error("write failed");
    },
  );
  return {
    c,
    writes,
    hold() {
      held = new Promise((r) => (release = r));
    },
    release() {
      held = null;
      release();
    },
  };
}

describe("coalescing writes", () => {
  it("writes what arrives while a write is in flight as one batch after it", async () => {
    const r = recorder("test-batches");
    r.hold();
    const first = r.c.add((b) => b.push(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.writes).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => r.c.add((b) => b.push(n)));
    r.release();
    await Promise.all([first, ...rest]);
    expect(r.writes).toEqual([[1], [2, 3, 4]]);
    await r.c.written();
  });

  it("rejects the callers of a failed batch and still writes what was asked for during it", async () => {
    const r = recorder("test-failures", (batch) => batch.includes(13));
    r.hold();
    const failed = r.c.add((b) => b.push(13));
    await new Promise((resolve) => setImmediate(resolve));
    const next = r.c.add((b) => b.push(14));
    r.release();
    await expect(failed).rejects.toThrow("write failed");
    await expect(next).resolves.toBeUndefined();
    expect(r.writes).toEqual([[13], [14]]);
    await expect(r.c.written()).resolves.toBeUndefined();
  });
});
