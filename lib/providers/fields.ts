import { z } from "zod";

// zod building blocks for vendor payloads: each accepts the documented type
// plus the known variations (numbers sent as strings, empty strings for
// "missing"), and rejects anything else with a message that names the field.

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** Optional text. Numbers become text (ids, phones in CSV imports). */
export const text = z.preprocess(blankToNull, z.union([z.string(), z.number().transform(String)]).nullish());

/** A required identifier: string or number, never empty. */
export const id = z.union([z.string().trim().min(1), z.number().transform(String)]);

/** Optional number, also when stringified ("42", "0.25"). */
export const numberish = z.preprocess(
  blankToNull,
  z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?$/, "expected a number")
        .transform(Number),
    ])
    .nullish(),
);

/** Optional boolean, also when stringified ("true", "false"). */
export const booleanish = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : blankToNull(v)), z.boolean().nullish());

/** Optional timestamp: ISO text (with or without zone), or epoch seconds or milliseconds. */
export const timeish = z.preprocess(blankToNull, z.union([z.string(), z.number()]).nullish());

/** Optional object whose keys we keep as they are (extracted variables and the like). */
export const record = z.preprocess(blankToNull, z.record(z.string(), z.unknown()).nullish());

/** Optional JSON that some senders stringify (Hooman's template values). */
export function maybeStringified<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => {
    if (typeof v !== "string") return v;
    const s = v.trim();
    if (!(s.startsWith("{") || s.startsWith("["))) return v;
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return v;
    }
  }, inner);
}
