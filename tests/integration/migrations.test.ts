import { describe, expect, inject, it } from "vitest";
import { withScratchDatabase } from "@/lib/db/scratch-database";
import { applyMigrations, diffDatabaseToSchema } from "@/lib/db/schema-engine";

describe("migrations", () => {
  it("bring a fresh database exactly to schema.prisma, and re-running applies nothing", async () => {
    await withScratchDatabase(inject("databaseUrl"), async (url) => {
      expect((await applyMigrations(url)).length).toBeGreaterThan(0);
      expect(await applyMigrations(url)).toEqual([]);
      const drift = await diffDatabaseToSchema(url);
      expect(drift.replace(/--.*$/gm, "").trim()).toBe("");
    });
  });
});
