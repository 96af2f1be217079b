import { spawnSync } from "node:child_process";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import type { BootstrapReport } from "@/lib/bootstrap";
import { withScratchDatabase } from "@/lib/db/scratch-database";
import { applyMigrations } from "@/lib/db/schema-engine";
import { secretMatches } from "@/lib/security/secrets";

// What `npm start` creates on a new installation: one source per vendor, each
// with its own webhook secret (printed once), unless WEBHOOK_SECRET is given.

/** Runs bootstrap in a process of its own against `url`, as `npm start` does; its report. */
function bootstrapIn(url: string, environment: Record<string, string>): BootstrapReport {
  const code = `const { bootstrap } = await import("./lib/bootstrap.ts");
    console.log(JSON.stringify(await bootstrap(${JSON.stringify({ ADMIN_PASSWORD: "admin-password", BOOTSTRAP_API_KEY: "ck_bootstrap_test", ...environment })})));
    process.exit(0);`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as BootstrapReport;
}

async function sourceHashes(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string; secret_hash: string }>("SELECT slug, secret_hash FROM sources ORDER BY slug");
    return Object.fromEntries(rows.map((r) => [r.slug, r.secret_hash]));
  } finally {
    await client.end();
  }
}

const SLUGS = ["autocalls", "cllr", "hooman", "hubtalk", "unpod"];

describe("bootstrap of a new installation", () => {
  it("gives each source its own webhook secret, printed once; with WEBHOOK_SECRET set, all share it", { timeout: 120_000 }, async () => {
    await withScratchDatabase(inject("databaseUrl"), async (url) => {
      await applyMigrations(url);

      const first = bootstrapIn(url, {});
      const printed = first.created.filter((c) => c.label.startsWith("Webhook secret"));
      expect(printed.map((c) => c.label).sort()).toEqual(SLUGS.map((slug) => `Webhook secret of ${slug}`));
      expect(new Set(printed.map((c) => c.value)).size).toBe(5);
      const hashes = await sourceHashes(url);
      expect(Object.keys(hashes)).toEqual(SLUGS);
      for (const { label, value } of printed) {
        const own = label.replace("Webhook secret of ", "");
        for (const slug of SLUGS) expect(secretMatches(value, hashes[slug]), `${own}'s secret on ${slug}`).toBe(slug === own);
      }

      // A restart creates nothing and prints no secret again.
      expect(bootstrapIn(url, {}).created).toEqual([]);
      expect(await sourceHashes(url)).toEqual(hashes);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("DELETE FROM sources");
      await client.end();
      const shared = bootstrapIn(url, { WEBHOOK_SECRET: "whsec_shared_by_all" });
      expect(shared.created).toEqual([]);
      for (const hash of Object.values(await sourceHashes(url))) expect(secretMatches("whsec_shared_by_all", hash)).toBe(true);
    });
  });

  it(
    "makes a generated admin password one to replace, and ADMIN_PASSWORD the way back in for a locked-out or deactivated admin",
    { timeout: 120_000 },
    async () => {
      await withScratchDatabase(inject("databaseUrl"), async (url) => {
        await applyMigrations(url);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const admin = async () =>
          (
            await client.query<{ active: boolean; role: string; must_change_password: boolean; session_version: number }>(
              "SELECT active, role::text, must_change_password, session_version FROM users WHERE email = 'admin@example.com'",
            )
          ).rows[0];
        try {
          const generated = bootstrapIn(url, { ADMIN_PASSWORD: "" });
          expect(generated.created.some((c) => c.label.startsWith("Admin password"))).toBe(true);
          expect(await admin()).toMatchObject({ must_change_password: true });

          bootstrapIn(url, { ADMIN_PASSWORD: "chosen by the operator" });
          const reset = await admin();
          expect(reset).toMatchObject({ must_change_password: false, active: true, role: "admin" });
          // Restarting with the same password ends no one's session.
          bootstrapIn(url, { ADMIN_PASSWORD: "chosen by the operator" });
          expect((await admin()).session_version).toBe(reset.session_version);

          await client.query("UPDATE users SET active = false, role = 'manager' WHERE email = 'admin@example.com'");
          await client.query("INSERT INTO rate_limits (key, points, expire) VALUES ('sign-in:account:admin@example.com', 99, $1)", [Date.now() + 600_000]);
          bootstrapIn(url, { ADMIN_PASSWORD: "chosen by the operator" });
          expect(await admin()).toMatchObject({ active: true, role: "admin" });
          expect((await client.query("SELECT 1 FROM rate_limits WHERE key = 'sign-in:account:admin@example.com'")).rowCount).toBe(0);
        } finally {
          await client.end();
        }
      });
    },
  );
});
