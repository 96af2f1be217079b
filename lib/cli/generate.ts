// Generates the Prisma client offline. `prisma generate` never runs the schema
// engine, but it tries to download one unless this variable names a file.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? prismaCli, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
if (result.status !== 0) process.exit(result.status ?? 1);
console.log("Prisma client generated.");
