import type { TestProject } from "vitest/node";
import { freePort, startStack } from "./stack";

// One real Postgres and the production build of the app for every integration test.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    /** Where tests run their stand-in HubSpot; the app's HUBSPOT_API_BASE_URL points there. */
    hubspotPort: number;
    /** Where tests run their stand-in mail server (tests/support/smtp-server.ts); the app's SMTP_URL points there. */
    smtpPort: number;
    /** The app's SPOOL_DIR. */
    spoolDir: string;
    /** The app's RECORDINGS_DIR. */
    recordingsDir: string;
    /** The app's environment, for a second process of it on the same database. */
    appEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const hubspotPort = await freePort();
  const smtpPort = await freePort();
  const stack = await startStack({
    appEnv: {
      HUBSPOT_API_BASE_URL: `http://127.0.0.1:${hubspotPort}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Call Analytics <digest@test.invalid>",
    },
  });
  project.provide("hubspotPort", hubspotPort);
  project.provide("smtpPort", smtpPort);
  project.provide("baseUrl", stack.baseUrl);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("spoolDir", stack.spoolDir);
  project.provide("recordingsDir", stack.recordingsDir);
  project.provide("appEnv", stack.appEnv);
  return () => stack.stop();
}
