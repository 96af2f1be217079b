import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

// The top of a V8 CPU profile (node --cpu-prof), by self and by inclusive
// time: the functions and the parts of the stack (Node, Next.js, pg, zod, the
// app) where a benchmark's process spent its time, within a window of the
// run. Enough to compare a change's before and after.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  /** Microseconds on the machine's monotonic clock, as `process.hrtime` reads it. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A stretch of a run, in microseconds of `process.hrtime`. */
export interface Window {
  fromUs: number;
  toUs: number;
}

export const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Where a function's code lives, as the parts README names them. */
function partOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "V8 / native";
  if (url.startsWith("node:")) return "Node internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg === "next" ? "Next.js" : pkg;
  return url.includes("/.next/") ? "app (built)" : "app";
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(\.next|lib|app)\//, "$1/");
  return `${functionName || "(anonymous)"}  ${file}${url ? `:${lineNumber + 1}` : ""}`;
}

/** Microseconds per node id, of the samples taken within `window`. */
function selfTimes(profile: Profile, window?: Window): Map<number, number> {
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    self.set(id, (self.get(id) ?? 0) + us);
  });
  return self;
}

function topOf(profile: Profile, rows: number, window?: Window) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = selfTimes(profile, window);
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const fns = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const parts = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, us: number) => m.set(key, (m.get(key) ?? 0) + us);
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    add(fns, nameOf(node), us);
    add(parts, partOf(node.callFrame.url, node.callFrame.functionName), us);
    // Each function once per sample, however deep its recursion.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) onStack.add(nameOf(byId.get(at)!));
    for (const key of onStack) add(inclusive, key, us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows);
  // Inclusive: the app's own functions and the libraries it calls, not the event loop's frames that hold everything.
  const ownOrLibrary = (key: string) => !/^\((root|program|idle)\)/.test(key) && !/node:internal\/(process\/task_queues|timers)/.test(key);
  return {
    seconds: total / 1e6,
    parts: sorted(parts).map(([k, v]) => `${pct(v)}  ${k}`),
    fns: sorted(fns).map(([k, v]) => `${pct(v)}  ${k}`),
    inclusive: sorted(new Map([...inclusive].filter(([k]) => ownOrLibrary(k)))).map(([k, v]) => `${pct(v)}  ${k}`),
  };
}

/** Prints, for each profile in `dir`, its time by part and its top functions by self and inclusive time (within `window`). */
export async function printTopFunctions(dir: string, rows = 15, window?: Window): Promise<void> {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"))) {
    const top = topOf(JSON.parse(await readFile(path.join(dir, file), "utf8")) as Profile, rows, window);
    if (top.seconds < 0.1) continue; // a process that was not running in the window (the build's helpers)
    const within = window ? ` within the ${((window.toUs - window.fromUs) / 1e6).toFixed(1)} s measured` : "";
    console.log(`\nCPU profile ${path.join(dir, file)} (${top.seconds.toFixed(1)} s sampled${within}), self time by part:`);
    for (const line of top.parts) console.log(`  ${line}`);
    console.log("Top functions by self time:");
    for (const line of top.fns) console.log(`  ${line}`);
    console.log("Top functions by inclusive time (with what they call):");
    for (const line of top.inclusive) console.log(`  ${line}`);
  }
}
