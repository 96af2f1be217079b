import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// `npm start` serves a production build; rebuild only when the sources changed.

function newestMtime(entry: string, skip: Set<string>): number {
  if (!existsSync(entry) || skip.has(path.resolve(entry))) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name), skip)));
}

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed`);
}

export function generateClientIfStale(): void {
  const client = "lib/db/generated/client.ts";
  if (!existsSync(client) || newestMtime("prisma/schema.prisma", new Set()) > statSync(client).mtimeMs) {
    run(["--import", "tsx", "lib/cli/generate.ts"]);
  }
}

export function buildIfStale(): void {
  const buildId = ".next/BUILD_ID";
  const skip = new Set([path.resolve("lib/db/generated")]);
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "prisma/schema.prisma",
    "next.config.js",
    "proxy.ts",
    "instrumentation.ts",
    "package.json",
    "postcss.config.mjs",
  ];
  const newest = Math.max(...sources.map((s) => newestMtime(s, skip)));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newest) return;
  console.log("Building the app (first start or sources changed)...");
  run(["node_modules/next/dist/bin/next", "build"]);
}
