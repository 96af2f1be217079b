import { describe, expect, it } from "vitest";
import { changes } from "@/lib/audit/diff";
import { maskSecrets } from "@/lib/audit/mask";

describe("audit entries", () => {
  it("mask every value stored under a secret's name, at any depth", () => {
    expect(
      maskSecrets({
        name: "Unpod",
        settings: { polling: { apiToken: "tok", orgHandle: "acme" }, storage: { secretAccessKey: "s3", accessKeyId: "AKIA" } },
        list: [{ password: "x" }],
      }),
    ).toEqual({
      name: "Unpod",
      settings: { polling: { apiToken: "••••", orgHandle: "acme" }, storage: { secretAccessKey: "••••", accessKeyId: "AKIA" } },
      list: [{ password: "••••" }],
    });
    // Already-masked markers stay readable.
    expect(maskSecrets({ apiToken: "set", spaceToken: "missing" })).toEqual({ apiToken: "set", spaceToken: "missing" });
  });

  it("list what changed field by field", () => {
    expect(
      changes(
        { enabled: true, settings: { polling: { intervalSec: 60, pageSize: 50 } } },
        { enabled: false, settings: { polling: { intervalSec: 300, pageSize: 50 }, health: { expectedGapMinutes: 60 } } },
      ),
    ).toEqual([
      { path: "enabled", before: true, after: false },
      { path: "settings.health.expectedGapMinutes", before: undefined, after: 60 },
      { path: "settings.polling.intervalSec", before: 60, after: 300 },
    ]);
    expect(changes(null, { results: { stored: 2 } })).toEqual([{ path: "results.stored", before: undefined, after: 2 }]);
  });
});
