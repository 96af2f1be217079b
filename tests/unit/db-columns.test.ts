import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Call, CallColumns, SnakeCase } from "@/lib/db/columns";

// lib/db/columns.ts names each column after its field (SnakeCase). That holds
// only while the schema maps every field that way; this test reads the schema
// and names each field that does not.

const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");

/** The runtime twin of SnakeCase. */
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const models = [...schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)].map(([, name, body]) => ({ name, body }));
const modelNames = new Set(models.map((m) => m.name));

/** Every scalar field of every model (relation fields have no column), with the column it is mapped to. */
const columns = models.flatMap(({ name: model, body }) =>
  body.split("\n").flatMap((line) => {
    const field = /^\s*(\w+)\s+(\w+)/.exec(line);
    if (!field || modelNames.has(field[2])) return [];
    return [{ model, field: field[1], column: /\s@map\("([^"]+)"\)/.exec(line)?.[1] ?? field[1] }];
  }),
);

describe("database column names", () => {
  it("reads the schema's fields", () => {
    expect(models.length).toBeGreaterThan(10);
    const fields = new Set(columns.map((c) => `${c.model}.${c.field}`));
    for (const field of ["Call.startedAt", "Call.labels", "RawEvent.status", "Transcript.searchAgent", "Transcript.searchOther"])
      expect(fields).toContain(field);
    expect(fields).not.toContain("Call.source");
  });

  it("maps every field to the snake_case of its name", () => {
    const broken = columns.filter((c) => c.column !== snakeCase(c.field)).map((c) => `${c.model}.${c.field} is "${c.column}", not "${snakeCase(c.field)}"`);
    expect(broken).toEqual([]);
  });

  it("names columns as the schema maps them (checked by the typecheck)", () => {
    expectTypeOf<SnakeCase<"previousSecretExpiresAt">>().toEqualTypeOf<"previous_secret_expires_at">();
    expectTypeOf<SnakeCase<"id">>().toEqualTypeOf<"id">();
    expectTypeOf<CallColumns["started_at"]>().toEqualTypeOf<Date>();
    expectTypeOf<CallColumns["cost_amount"]>().toEqualTypeOf<Call["costAmount"]>();
  });
});
