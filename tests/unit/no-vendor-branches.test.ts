import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DESTINATION_KIND_IDS } from "@/lib/destinations/kinds/lookup";
import { PROVIDER_IDS } from "@/lib/providers/lookup";

// The rule that keeps a vendor or a destination kind in one place: code
// outside its module asks the registry (a capability, a descriptor) instead
// of comparing ids. A comparison like `provider === "unpod"` or
// `case "hubspot":` anywhere else fails here, with where it is.

const ROOTS = ["app", "components", "lib"];
const MODULE_DIRS = [...PROVIDER_IDS.map((id) => `lib/providers/${id}/`), ...DESTINATION_KIND_IDS.map((id) => `lib/destinations/kinds/${id}/`)];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const ids = [...PROVIDER_IDS, ...DESTINATION_KIND_IDS].join("|");
const BRANCHES = [new RegExp(`[!=]==\\s*"(${ids})"`), new RegExp(`"(${ids})"\\s*[!=]==`), new RegExp(`case\\s+"(${ids})"\\s*:`), /\bprovider\s*[!=]==\s*"/];

/** Lines that branch on a vendor or destination kind, outside the modules. */
export function branchesOutsideModules(files: string[], read: (file: string) => string): string[] {
  return files
    .filter((file) => !MODULE_DIRS.some((dir) => file.startsWith(dir)))
    .flatMap((file) =>
      read(file)
        .split("\n")
        .map((line, i) => ({ line, where: `${file}:${i + 1}` }))
        .filter(({ line }) => BRANCHES.some((re) => re.test(line)))
        .map(({ line, where }) => `${where}: ${line.trim()}`),
    );
}

describe("vendors and destination kinds live in their modules", () => {
  it("finds no comparison with a vendor id or destination kind outside them", () => {
    const files = ROOTS.flatMap((root) => sourceFiles(root));
    expect(files.length).toBeGreaterThan(100);
    expect(branchesOutsideModules(files, (f) => readFileSync(f, "utf8"))).toEqual([]);
  });

  it("would catch one", () => {
    const code: Record<string, string> = {
      "lib/sources/x.ts": 'if (source.provider === "unpod") poll();',
      "components/y.tsx": 'switch (d.kind) {\n  case "slack":\n}',
      "lib/providers/unpod/poll.ts": 'if (source.provider === "unpod") ok();',
    };
    expect(branchesOutsideModules(Object.keys(code), (f) => code[f])).toEqual([
      'lib/sources/x.ts:1: if (source.provider === "unpod") poll();',
      'components/y.tsx:2: case "slack":',
    ]);
  });
});
