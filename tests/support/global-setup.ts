import type { TestProject } from "vitest/node";
import { freePort, startStack } from "./stack";

// One real Postgres and the production build of the app for every integration test.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    /** Where tests run their stand-in HubSpot; the app's HUBSPOT_API_BASE_URL points there. */
    hubspotPort: number;
    /** The app's SPOOL_DIR. */
    spoolDir: string;
    /** The app's RECORDINGS_DIR. */
    recordingsDir: string;
  }
}

export default async function setup(project: TestProject) {
  const hubspotPort = await freePort();
  const stack = await startStack({ appEnv: { HUBSPOT_API_BASE_URL: `http://127.0.0.1:${hubspotPort}` } });
  project.provide("hubspotPort", hubspotPort);
  project.provide("baseUrl", stack.baseUrl);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("spoolDir", stack.spoolDir);
  project.provide("recordingsDir", stack.recordingsDir);
  return () => stack.stop();
}
