import { inject } from "vitest";
import { startApp, type AppProcess } from "./app-process";
import { freePort } from "./stack";

// Another process of the app on the tests' database, as a second server
// behind a load balancer would be: same settings, its own port and job workers, its spool files beside the first's.

export async function startSecondApp(): Promise<AppProcess> {
  return startApp({ env: { NODE_ENV: "production", ...inject("appEnv") }, port: await freePort(), quiet: true });
}
