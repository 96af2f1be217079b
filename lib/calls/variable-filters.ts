import { z } from "zod";
import { Prisma } from "@/lib/db/client";
import {
  isVariableKey,
  MAX_VARIABLE_FILTERS,
  MAX_VARIABLE_KEY,
  MAX_VARIABLE_VALUE,
  readDay,
  readNumber,
  splitVariableParam,
  VARIABLE_OP_LABELS,
  VARIABLE_OPS,
  type VariableOp,
} from "./variables/values";

// Filters by the vendor's variables: `var.<key>.<op>=<value>` query parameters. Their names are not known in
// advance, so they are gathered from the raw parameters into `vars` before the filters' schema reads them; one
// parser for the API, the calls page and the CSV export. Each filter is one lookup in call_variables.

export interface VariableFilter {
  key: string;
  op: VariableOp;
  /** What was typed, trimmed. */
  value: string;
  /** gte / lte: the value as a number or a day ("2026-12-01"). */
  num?: number;
  day?: string;
}

/** The field of the filters' schema that holds them, as gathered below. */
export const variableFiltersField = z.array(z.custom<VariableFilter>()).optional();

type Issue = { message: string; param: string };

function readFilter(param: string, raw: unknown): VariableFilter | Issue {
  const split = splitVariableParam(param)!;
  const { key, op } = split;
  if (!isVariableKey(key)) {
    return { param, message: `"${param}" does not name a variable: a key has 1 to ${MAX_VARIABLE_KEY} characters, no control characters.` };
  }
  if (!(VARIABLE_OPS as readonly string[]).includes(op)) {
    return { param, message: `"${param}" must end in one of .eq, .contains, .gte, .lte (equals, contains, at least, at most).` };
  }
  const value = typeof raw === "string" ? raw.trim() : "";
  if (!value) return { param, message: `${param} needs a value.` };
  if (value.length > MAX_VARIABLE_VALUE) return { param, message: `${param} can have at most ${MAX_VARIABLE_VALUE} characters.` };
  const filter: VariableFilter = { key, op: op as VariableOp, value };
  if (op === "gte" || op === "lte") {
    const num = readNumber(value);
    const day = num === null ? readDay(value) : null;
    if (num === null && day === null) {
      return {
        param,
        message: `${param} (${VARIABLE_OP_LABELS[op]}) needs a number, like 5000, 5,000 or $5000, or a date, like 2026-12-01.`,
      };
    }
    if (num !== null) filter.num = num;
    if (day !== null) filter.day = day;
  }
  return filter;
}

/**
 * Wraps a filters schema (one with a `vars` field) so that `var.*` parameters are read into `vars`, with a 400
 * naming the parameter for a bad key, op or value.
 */
export function withVariableParams<T extends z.ZodType>(schema: T) {
  return z.preprocess((raw, ctx) => {
    if (!raw || typeof raw !== "object") return raw;
    const rest: Record<string, unknown> = {};
    const vars: VariableFilter[] = [];
    let count = 0;
    for (const [name, value] of Object.entries(raw)) {
      if (!splitVariableParam(name)) {
        rest[name] = value;
        continue;
      }
      if (value === undefined || value === "") continue; // an empty field of a form is no filter
      if (++count > MAX_VARIABLE_FILTERS) {
        ctx.addIssue({ code: "custom", message: `At most ${MAX_VARIABLE_FILTERS} variable filters at once.`, path: [name], input: value });
        continue;
      }
      const read = readFilter(name, value);
      if ("message" in read) ctx.addIssue({ code: "custom", message: read.message, path: [read.param], input: value });
      else vars.push(read);
    }
    return vars.length ? { ...rest, vars } : rest;
  }, schema);
}

/** `\`, `%` and `_` typed by someone are themselves in LIKE. */
const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One condition on `c` (calls) per key, all of them together. A call has one value per key, so the filters of
 * one key (at least and at most: a range) test the same row: one lookup, and one estimate the planner gets right.
 */
export function variableConditions(vars: VariableFilter[] | undefined): Prisma.Sql[] {
  const byKey = new Map<string, VariableFilter[]>();
  for (const f of vars ?? []) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  return [...byKey].map(
    ([key, filters]) =>
      Prisma.sql`EXISTS (SELECT 1 FROM call_variables v WHERE v.call_id = c.id AND v.key = ${key} AND ${Prisma.join(variableTests(filters), " AND ")})`,
  );
}

/** Each filter's test on a call_variables row (`alias`) of its key. */
export function variableTests(filters: VariableFilter[], alias: "v" | "w" = "v"): Prisma.Sql[] {
  const v = Prisma.raw(alias);
  // Lower-cased by Postgres, as the stored text was (its lower() and JavaScript's may differ outside ASCII).
  return filters.map((f) => {
    switch (f.op) {
      case "eq":
        return Prisma.sql`${v}.text = lower(${f.value})`;
      case "contains":
        return Prisma.sql`${v}.text LIKE lower(${`%${likeEscaped(f.value)}%`})`;
      case "gte":
        return f.num !== undefined ? Prisma.sql`${v}.num >= ${f.num}::numeric` : Prisma.sql`${v}.day >= ${f.day}::date`;
      case "lte":
        return f.num !== undefined ? Prisma.sql`${v}.num <= ${f.num}::numeric` : Prisma.sql`${v}.day <= ${f.day}::date`;
    }
  });
}
