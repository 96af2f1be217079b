import { spawn, type ChildProcess } from "node:child_process";

// One process of the app's production server (lib/cli/serve.ts), for tests
// that stop, kill and start it again, or run two side by side.

export interface AppProcess {
  baseUrl: string;
  pid: number;
  /** Sends the signal and waits for the process to be gone (SIGKILL: a crash). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** What it logged, when started with `capture`. */
  output(): string;
}

export interface AppOptions {
  env: NodeJS.ProcessEnv;
  port: number;
  /** "healthy": until /api/health says ok (the database too); "listening": until it answers at all. */
  waitFor?: "healthy" | "listening";
  quiet?: boolean;
  capture?: boolean;
}

async function waitFor(baseUrl: string, server: ChildProcess, healthy: boolean): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok || !healthy,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not become ${healthy ? "healthy" : "reachable"} within 60 s`);
}

export async function startApp({ env, port, waitFor: until = "healthy", quiet = false, capture = false }: AppOptions): Promise<AppProcess> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const stdio = capture ? "pipe" : quiet ? "ignore" : "inherit";
  const server = spawn(process.execPath, ["--import", "tsx", "lib/cli/serve.ts"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", stdio, stdio] });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-256_000));
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill(signal);
    await exited;
  };
  try {
    await waitFor(baseUrl, server, until === "healthy");
  } catch (e) {
    await kill("SIGKILL");
    throw new Error(`${(e as Error).message}${capture ? `\n${log.slice(-4000)}` : ""}`, { cause: e });
  }
  return { baseUrl, pid: server.pid!, kill, output: () => log };
}
