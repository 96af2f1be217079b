// npm start: Postgres (embedded unless DATABASE_URL is set), migrations,
// bootstrap, a production build, the server on PORT (3000), demo data.
// Ctrl-C stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { EmbeddedDatabase } from "../db/embedded";
import { portInUse } from "../http/port-in-use";
import { buildIfStale, generateClientIfStale } from "./build-if-stale";
import { explain, portTaken, shown } from "./start-errors";

const port = Number(process.env.PORT ?? 3000);
process.env.NEXT_TELEMETRY_DISABLED = "1";

let embedded: EmbeddedDatabase | null = null;
let server: ChildProcess | undefined;

/** The app's pools, if this process opened any: they go before the database, or they would log each connection the stop cuts. */
async function endPool(): Promise<void> {
  // Only once lib/db/pool is loaded (it opens the main pool as it loads): importing it here would open one.
  if (!(globalThis as { pgPool?: unknown }).pgPool) return;
  const { endPools } = await import("../db/pool");
  await Promise.race([endPools().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
}

// One shutdown, however many signals and exits ask for it. Installed before
// anything starts: the embedded database runs in its own process group, so a
// Ctrl-C during migrations or the build must stop it from here.
let stopping: Promise<never> | undefined;
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    console.log("\nStopping...");
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await endPool();
    await embedded?.stop();
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));

/** Startup failed: say why, and stop the database we started rather than leave it running. */
async function fail(message: string): Promise<never> {
  console.error(`\n${message}`);
  await endPool();
  await embedded?.stop().catch(() => {});
  process.exit(1);
}

/** One sentence for what the user can act on (start-errors.ts), the error's own message for the rest. */
const abort = (step: string, error: unknown) => fail(explain(error, embedded) ?? `${step} failed: ${error instanceof Error ? error.message : String(error)}`);

// Before anything slow: a taken port would only show after the build.
if (await portInUse(port, process.env.HOST || undefined).catch((e) => abort("Checking the port", e))) {
  await fail(portTaken(port, "PORT"));
}

if (!process.env.DATABASE_URL) {
  const dir = process.env.EMBEDDED_PG_DATA || ".data/postgres";
  const { startEmbeddedPostgres } = await import("../db/embedded");
  embedded = await startEmbeddedPostgres({ dir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), database: "calls" }).catch((e) =>
    abort("Starting PostgreSQL", e),
  );
  process.env.DATABASE_URL = embedded.url;
  console.log(`Embedded PostgreSQL running (data in ${shown(embedded.dataDir)}, ${embedded.url.replace(/:[^:@/]+@/, ":***@")}).`);
  if (embedded.dataDir !== path.resolve(dir)) {
    console.log(`  The user postgres, who runs it, cannot reach ${path.resolve(dir)}: its data lives there instead.`);
  }
}

try {
  generateClientIfStale();
} catch (e) {
  await abort("Generating the Prisma client", e);
}

const { applyMigrations } = await import("../db/schema-engine");
const applied = await applyMigrations(process.env.DATABASE_URL).catch((e) => abort("Applying migrations", e));
console.log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Database schema is up to date.");

const { bootstrap } = await import("../bootstrap");
const report = await bootstrap().catch((e) => abort("Bootstrap", e));

try {
  buildIfStale();
} catch (e) {
  await abort("Building the app", e);
}

// Session cookies are signed with NEXTAUTH_SECRET, vendor tokens are encrypted
// with SECRETS_KEY: each generated once and kept in .data/ unless set.
try {
  const { readOrCreateSecret } = await import("./auth-secret");
  process.env.NEXTAUTH_SECRET ||= readOrCreateSecret(".data/auth-secret");
  process.env.SECRETS_KEY ||= readOrCreateSecret(".data/secrets-key");
} catch (e) {
  await abort("Creating the secrets", e);
}
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

const base = `http://localhost:${port}`;
console.log(`
  Call analytics is starting on ${base}
  Sign in as ${report.adminEmail}${report.created.some((c) => c.label.startsWith("Admin")) ? " with the password below" : " (password printed at first start; set ADMIN_PASSWORD to reset it)"}.
  Webhooks: ${base}/api/webhooks/{unpod|cllr|hooman|autocalls|hubtalk}
${report.created.map((c) => `  ${c.label}: ${c.value}`).join("\n")}
${report.created.length ? "  These were generated now and are not shown again: keep them.\n" : ""}`);

// Demo calls go in before the server (and its job workers) start, so that the
// first health check sees the sources as they will be, not half-filled.
const { db } = await import("../db/client");
const demoCount = Number(process.env.DEMO_CALLS ?? 3000);
if (process.env.DEMO_DATA !== "off" && (await db.call.count()) === 0 && demoCount > 0) {
  const { seedDemoCalls } = await import("../demo/seed");
  const { giveDemoTrackersPoints } = await import("../demo/trackers");
  await giveDemoTrackersPoints().catch((e) => abort("Adding demo tracker points", e));
  console.log(`Adding ${demoCount} demo calls through the ingestion pipeline (DEMO_DATA=off to skip)...`);
  await seedDemoCalls(demoCount, (done) => console.log(`  demo calls: ${done}/${demoCount}`)).catch((e) => abort("Adding demo calls", e));
  const reviewer = await db.user.findFirst({ where: { role: "admin", active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (reviewer) {
    const { seedDemoReviews } = await import("../demo/reviews");
    await seedDemoReviews(reviewer.id).catch((e) => abort("Adding demo reviews", e));
    const { seedDemoViews } = await import("../demo/views");
    await seedDemoViews(reviewer.id).catch((e) => abort("Adding demo saved views", e));
  }
}

server = spawn(process.execPath, ["--import", "tsx", "lib/cli/serve.ts"], {
  stdio: "inherit",
  env: process.env,
});
server.on("exit", (code) => void stop(code ?? 0));
