import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// `npm start` as its users run it: its own process, judged by its exit code and output.

export interface StartRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a fresh `npm start`: none of the test harness's database settings. */
export function startEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, SECRETS_KEY: _key, ...rest } = process.env;
  return { ...rest, NEXT_TELEMETRY_DISABLED: "1", ...env };
}

/**
 * Runs `node --import tsx lib/cli/start.ts` in `cwd` until it exits, or, with
 * `until`, until `until` settles; then, or after `seconds`, stops it with
 * SIGINT as Ctrl-C would (a start that should have failed but serves instead
 * must not outlive the test).
 */
export function runStart(cwd: string, env: Record<string, string>, until?: (output: () => string) => Promise<void>, seconds = 60): Promise<StartRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], { cwd, env: startEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const deadline = setTimeout(() => child.kill("SIGINT"), seconds * 1000);
  const exited = new Promise<StartRun>((resolve) =>
    child.once("close", (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    }),
  );
  if (until) {
    const stop = () => child.kill("SIGINT");
    until(() => stdout + stderr).then(stop, stop);
  }
  return exited;
}

/** Lines that would be part of a stack trace. */
export const stackLines = (text: string) => text.split("\n").filter((line) => /^\s+at /.test(line));

/** Every file and directory under `dir` with its owner, mode, size and content hash: equal snapshots, nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (entry: string) => {
    const s = lstatSync(entry);
    const content = s.isFile() ? createHash("sha1").update(readFileSync(entry)).digest("hex") : "";
    out[path.relative(dir, entry) || "."] = `${s.uid}:${s.gid}:${s.mode.toString(8)}:${s.size}:${content}`;
    if (s.isDirectory()) for (const name of readdirSync(entry)) walk(path.join(entry, name));
  };
  walk(dir);
  return out;
}
