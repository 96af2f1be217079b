import { spawn } from "node:child_process";
import { TEST_SECRETS_KEY } from "./credentials";

/**
 * Runs a second job worker (as a deploy or restart starts one) while `body`
 * runs; `body` gets what the worker has logged so far. Stopped afterwards.
 */
export async function withWorker(body: (logged: () => string) => Promise<void>): Promise<void> {
  const worker = spawn(process.execPath, ["--import", "tsx", "lib/cli/worker.ts"], {
    env: { ...process.env, SECRETS_KEY: TEST_SECRETS_KEY, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  worker.stdout.on("data", (d) => (out += String(d)));
  try {
    await body(() => out);
  } finally {
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.kill("SIGTERM");
    await exited;
  }
}
