import type { z } from "zod";

// Validation errors in words people read: each issue becomes a sentence that
// names the field by its label ("Webhook URL must be a web address."), never
// a path ("config.webhookUrl") or zod's own wording ("Invalid input: expected
// string"). Messages written for people in a schema are kept as they are.
// API clients also get `errors`, one { field, message } per issue, where
// `field` is the dotted path they sent.

export interface FieldError {
  field: string;
  message: string;
}

/** Field names in plain words, where splitting the name is not enough. */
export type Labels = Record<string, string>;

const WORDS: Record<string, string> = { url: "URL", id: "ID", ids: "IDs", api: "API", s3: "S3", csv: "CSV" };

/** "webhookUrl" → "Webhook URL", "source_ids" → "Source IDs". */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function labelOf(path: PropertyKey[], labels: Labels): string {
  const keys = path.filter((k): k is string => typeof k === "string");
  const dotted = path.map(String).join(".");
  return labels[dotted] ?? labels[keys.join(".")] ?? (keys.length ? (labels[keys[keys.length - 1]] ?? fieldLabel(keys[keys.length - 1])) : "The request");
}

/** zod's own wording, as opposed to a message a schema wrote for people. */
const LIBRARY_WORDING = /^(Invalid|Too (small|big)|Unrecognized key|Expected|Required$)/i;

const KIND: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a set of fields",
  date: "a date",
};

const list = (values: readonly unknown[]) => {
  const shown = values.slice(0, 8).map((v) => (v === "" ? "empty" : String(v).replaceAll("_", " ")));
  return shown.join(", ") + (values.length > 8 ? ", …" : "");
};

function sentence(issue: z.core.$ZodIssue, label: string): string {
  switch (issue.code) {
    case "invalid_type":
      return /received undefined/.test(issue.message) ? `${label} is required.` : `${label} must be ${KIND[issue.expected] ?? issue.expected}.`;
    case "invalid_value":
      return `${label} must be one of: ${list(issue.values)}.`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? `${label} cannot be empty.` : `${label} needs at least ${issue.minimum} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `${label} needs at least ${issue.minimum}.`;
      return `${label} must be ${issue.minimum} or more.`;
    case "too_big":
      if (issue.origin === "string") return `${label} can have at most ${issue.maximum} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `${label} can have at most ${issue.maximum}.`;
      return `${label} must be ${issue.maximum} or less.`;
    case "invalid_format":
      if (issue.format === "url") return `${label} must be a web address (https://…).`;
      if (issue.format === "email") return `${label} must be an email address.`;
      if (issue.format === "uuid") return `${label} is not a valid ID.`;
      if (issue.format === "datetime" || issue.format === "date") return `${label} must be a date.`;
      return `${label} is not in the expected form.`;
    case "unrecognized_keys":
      return `${issue.keys.map((k) => `"${k}"`).join(", ")} ${issue.keys.length === 1 ? "is not a field" : "are not fields"} this accepts.`;
    case "not_multiple_of":
      return `${label} must be a multiple of ${issue.divisor}.`;
    case "custom":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return `${label} is not valid.`;
  }
}

/**
 * A schema's own message as a sentence: "must be in the future" and "days
 * must be 7 or 30" name their field by its label, and end with a full stop.
 */
function asSentence(message: string, path: PropertyKey[], label: string): string {
  const key = String(path[path.length - 1] ?? "");
  let text = message;
  if (key && text.startsWith(`${key} `)) text = `${label}${text.slice(key.length)}`;
  else if (/^[a-z]/.test(text)) text = `${label} ${text}`;
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}

/**
 * One { field, message } per issue, the message a plain sentence. With
 * `quotePaths`, fields are named by their path ('The field "lead.status"'):
 * for vendors' payloads, whose field names are what an admin looks up.
 */
export function fieldErrors(error: z.ZodError, labels: Labels = {}, { quotePaths = false } = {}): FieldError[] {
  return error.issues.map((issue) => {
    const label = quotePaths && issue.path.length ? `The field "${issue.path.map(String).join(".")}"` : labelOf(issue.path, labels);
    const custom = issue.message && !LIBRARY_WORDING.test(issue.message);
    return { field: issue.path.map(String).join("."), message: custom ? asSentence(issue.message, issue.path, label) : sentence(issue, label) };
  });
}

/** The sentences of several field errors as one text (each said once). */
export const friendlyDetail = (errors: FieldError[]) => [...new Set(errors.map((e) => e.message))].join(" ");
