import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

// The top of a V8 CPU profile (node --cpu-prof), by self time: the functions
// and the parts of the stack (Node, Next.js, pg, zod, the app) where a
// benchmark's process spent its time. Enough to compare a change's before and after.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's code lives, as the parts README names them. */
function partOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "V8 / native";
  if (url.startsWith("node:")) return "Node internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg === "next" ? "Next.js" : pkg;
  return url.includes("/.next/") ? "app (built)" : "app";
}

function topOf(profile: Profile, rows: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const fns = new Map<string, number>();
  const parts = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(\.next|lib|app)\//, "$1/");
    const key = `${functionName || "(anonymous)"}  ${file}${url ? `:${lineNumber + 1}` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const part = partOf(url, functionName);
    parts.set(part, (parts.get(part) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows);
  return { seconds: total / 1e6, parts: sorted(parts).map(([k, v]) => `${pct(v)}  ${k}`), fns: sorted(fns).map(([k, v]) => `${pct(v)}  ${k}`) };
}

/** Prints, for each profile in `dir`, its time by part and its top functions by self time. */
export async function printTopFunctions(dir: string, rows = 15): Promise<void> {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"))) {
    const top = topOf(JSON.parse(await readFile(path.join(dir, file), "utf8")) as Profile, rows);
    console.log(`\nCPU profile ${path.join(dir, file)} (${top.seconds.toFixed(1)} s sampled), self time by part:`);
    for (const line of top.parts) console.log(`  ${line}`);
    console.log("Top functions by self time:");
    for (const line of top.fns) console.log(`  ${line}`);
  }
}
