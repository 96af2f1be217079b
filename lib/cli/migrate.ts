// npm run db:migrate            apply pending migrations to DATABASE_URL
// npm run db:migration -- NAME  write prisma/migrations/<timestamp>_NAME from schema.prisma changes
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { applyMigrations, diffDatabaseToSchema, MIGRATIONS_DIR } from "../db/schema-engine";
import { withScratchDatabase } from "../db/scratch-database";

const [command, name] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm start` sets it for its embedded Postgres; set it to use another server.");
  process.exit(1);
}

if (command === "deploy") {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} else if (command === "create" && name && /^[a-z0-9_]+$/.test(name)) {
  // Replay the committed migrations into a scratch database and diff it to
  // the schema: the same result as `prisma migrate dev --create-only`.
  const sql = await withScratchDatabase(url, async (scratchUrl) => {
    await applyMigrations(scratchUrl);
    return diffDatabaseToSchema(scratchUrl);
  });
  if (!sql.trim() || sql.includes("-- This is an empty migration.")) {
    console.log("schema.prisma matches the migrations: nothing to create.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql: review it, then npm run db:migrate.`);
  }
} else {
  console.error("usage: migrate.ts deploy | create <snake_case_name>");
  process.exit(1);
}
