import type { TestProject } from "vitest/node";
import { startStack } from "./stack";

// One real Postgres and the production build of the app for every integration test.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const stack = await startStack();
  project.provide("baseUrl", stack.baseUrl);
  project.provide("databaseUrl", stack.databaseUrl);
  return stack.stop;
}
