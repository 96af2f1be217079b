// How a variable's value reads, for filters typed by people. Zod-free: the filter bar uses it too.
// Stored values are read by the SQL functions of the call_variables migration by the same rules
// (tests/integration/variable-filters.test.ts checks that both agree).

export const VARIABLE_OPS = ["eq", "contains", "gte", "lte"] as const;
export type VariableOp = (typeof VARIABLE_OPS)[number];

export const VARIABLE_OP_LABELS: Record<VariableOp, string> = { eq: "equals", contains: "contains", gte: "at least", lte: "at most" };

/** Longest key kept and filtered by; longest value typed into a filter. */
export const MAX_VARIABLE_KEY = 64;
export const MAX_VARIABLE_VALUE = 200;
/** Variable filters at once (each is one indexed lookup). */
export const MAX_VARIABLE_FILTERS = 10;

/** `var.<key>.<op>`: the op is what follows the last dot, so keys may hold dots. */
export const VARIABLE_PARAM_PREFIX = "var.";

export const variableParam = (key: string, op: VariableOp) => `${VARIABLE_PARAM_PREFIX}${key}.${op}`;

/** A parameter's key and op, or null when the name is not a variable filter. Op and key are checked by the caller. */
export function splitVariableParam(name: string): { key: string; op: string } | null {
  if (!name.startsWith(VARIABLE_PARAM_PREFIX)) return null;
  const rest = name.slice(VARIABLE_PARAM_PREFIX.length);
  const dot = rest.lastIndexOf(".");
  return dot < 0 ? { key: rest, op: "" } : { key: rest.slice(0, dot), op: rest.slice(dot + 1) };
}

/**
 * What trim() strips, spelled out as call_variable_trim strips it in SQL (tabs, line breaks, every Unicode
 * space): a key with one of these around it is neither kept nor filtered by, on both sides.
 */
export const TRIMMED_SPACES =
  "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

const isTrimmed = (s: string) => s.length === 0 || (!TRIMMED_SPACES.includes(s[0]) && !TRIMMED_SPACES.includes(s[s.length - 1]));

/** As call_variable_key_ok: 1 to 64 characters, no control characters, no spaces around it (TRIMMED_SPACES). */
export function isVariableKey(key: string): boolean {
  const length = [...key].length;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  return length >= 1 && length <= MAX_VARIABLE_KEY && isTrimmed(key) && !/[\x00-\x1f\x7f]/.test(key);
}

// As call_variable_number: an optional minus, one currency symbol or upper-case code before or after,
// thousands by commas or spaces, a decimal point. "5k" and "5.000,00" are not numbers (too easy to misread).
const CURRENCY = "(?:[$€£¥₹₸₽]|[A-Z]{3})";
const SPACE = "[ \\u00A0]?";
const NUMBER = new RegExp(`^-?${SPACE}${CURRENCY}?${SPACE}(?:[0-9]{1,3}(?:[, \\u00A0\\u202F][0-9]{3})+|[0-9]+)(?:[.][0-9]+)?${SPACE}${CURRENCY}?$`);

export function readNumber(text: string): number | null {
  const t = text.trim();
  if (t.length > 40 || !NUMBER.test(t)) return null;
  const n = Number(t.replace(/[^0-9.]/g, ""));
  return Number.isFinite(n) ? (t.startsWith("-") ? -n : n) : null;
}

const DAY =
  /^([1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.][0-9]+)?)?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$/;

/** As call_variable_day: an ISO date, alone or starting a date and time; the day as written ("2026-12-01"). */
export function readDay(text: string): string | null {
  const m = DAY.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
