import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { callFiltersSchema } from "@/lib/calls/filters";
import { variableConditions } from "@/lib/calls/variable-filters";
import { isVariableKey, readDay, readNumber, splitVariableParam, TRIMMED_SPACES } from "@/lib/calls/variables/values";

// The SQL is only built here, never run: the database client needs an address, not a server.
vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgres://unit@127.0.0.1:9/none";
});

// How var.<key>.<op> parameters are read (the API, the calls page and the export share this parser) and what
// counts as a number or a date in a filter's value.

describe("variable filter parameters", () => {
  it("are gathered into vars beside the other filters, with numbers and days read", () => {
    const parsed = callFiltersSchema.parse({ status: "completed", "var.budget.gte": "$5,000", "var.demo date.lte": "2026-12-01", "var.a.b.eq": " Pro " });
    expect(parsed.status).toEqual(["completed"]);
    expect(parsed.vars).toEqual([
      { key: "budget", op: "gte", value: "$5,000", num: 5000 },
      { key: "demo date", op: "lte", value: "2026-12-01", day: "2026-12-01" },
      // The op is after the last dot: keys may hold dots.
      { key: "a.b", op: "eq", value: "Pro" },
    ]);
  });

  it("leave an empty field out, and no vars without any", () => {
    expect(callFiltersSchema.parse({ "var.budget.gte": "" }).vars).toBeUndefined();
    expect(callFiltersSchema.parse({}).vars).toBeUndefined();
  });

  it("name the parameter in each error", () => {
    const result = callFiltersSchema.safeParse({ "var.budget.gte": "soon", "var..eq": "x", "var.budget.like": "x" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["var.budget.gte", "var..eq", "var.budget.like"]);
  });

  it("test one row per key: a range on one key is one lookup", () => {
    const vars = callFiltersSchema.parse({ "var.budget.gte": "10", "var.budget.lte": "20", "var.product.contains": "50%" }).vars;
    const conditions = variableConditions(vars);
    expect(conditions).toHaveLength(2);
    expect(conditions[0].sql).toContain("v.num >= ?::numeric AND v.num <= ?::numeric");
    // LIKE's wildcards typed by someone are literal.
    expect(conditions[1].values).toEqual(["product", "%50\\%%"]);
  });
});

describe("what counts as a number or a date", () => {
  it("reads plain numbers with separators and one currency, nothing looser", () => {
    const numbers: [string, number | null][] = [
      ["5000", 5000],
      ["5,000", 5000],
      ["5 000", 5000],
      ["$5000", 5000],
      ["5000 USD", 5000],
      ["€ 12.50", 12.5],
      ["-3", -3],
      ["5k", null],
      ["5.000,00", null],
      ["about 5000", null],
      ["5000 usd", null],
      ["$ 5000 USD EUR", null],
      ["1,00", null],
      ["", null],
    ];
    for (const [text, n] of numbers) expect([text, readNumber(text)]).toEqual([text, n]);
  });

  it("reads ISO days, alone or starting a date and time, and real dates only", () => {
    expect(readDay("2026-12-01")).toBe("2026-12-01");
    expect(readDay("2026-12-01T10:00:00+05:00")).toBe("2026-12-01");
    expect(readDay("2028-02-29")).toBe("2028-02-29");
    expect(readDay("2026-02-29")).toBeNull();
    expect(readDay("12/01/2026")).toBeNull();
    expect(readDay("2026-12-01 in the afternoon")).toBeNull();
  });

  it("takes keys of 1 to 64 printable characters without spaces around them", () => {
    expect(isVariableKey("demo date")).toBe(true);
    expect(isVariableKey("бюджет")).toBe(true);
    expect(isVariableKey(" budget")).toBe(false);
    expect(isVariableKey("a\u0001")).toBe(false);
    expect(isVariableKey("k".repeat(65))).toBe(false);
    // Unicode spaces around a key as well (the SQL side, call_variable_key_ok, refuses them too).
    expect(isVariableKey("budget\u00A0")).toBe(false);
    expect(isVariableKey("\u3000budget")).toBe(false);
    expect(isVariableKey("bud\u00A0get")).toBe(true);
    expect(splitVariableParam("var.x.y.eq")).toEqual({ key: "x.y", op: "eq" });
    expect(splitVariableParam("budget")).toBeNull();
  });
});

describe("the spaces trimmed around keys and values", () => {
  it("are exactly what trim() strips, as the migration's call_variable_trim spells them out", () => {
    const stripped = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).filter((c) => c.trim() === "");
    expect(stripped.join("")).toBe(TRIMMED_SPACES);
    const sql = readFileSync("prisma/migrations/20261129040000_call_variables/migration.sql", "utf8");
    const listed = /RETURN btrim\(t, E'([^']*)'\)/
      .exec(sql)![1]
      .replace(/\\([tnfr])|\\u([0-9A-F]{4})/g, (_, c: string, hex: string) =>
        c ? ({ t: "\t", n: "\n", f: "\f", r: "\r" } as Record<string, string>)[c] : String.fromCharCode(parseInt(hex, 16)),
      );
    expect([...listed].sort().join("")).toBe([...TRIMMED_SPACES].sort().join(""));
  });
});
