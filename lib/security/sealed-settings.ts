import { z } from "zod";
import { fieldErrors, fieldLabel, friendlyDetail, type FieldError, type Labels } from "@/lib/api/friendly-errors";
import { decrypt, encrypt } from "./encryption";

// Settings that hold secrets (vendor tokens, storage keys, destination
// credentials) are stored with those fields encrypted, shown to the browser
// with them as "set" or "missing", and opened only where they are used. An
// admin's change may leave a secret empty to keep the saved one, except when
// the address the secret is sent to moves to another host: a saved secret
// never follows a changed URL (an admin's slip, or a session in the wrong
// hands, would otherwise send it anywhere), so it has to be entered again.

/** Settings an admin cannot save, in words for them; `errors` names the fields for API clients. */
export class SettingsError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

type Values = Record<string, unknown>;

export interface SealedOptions<S extends z.ZodObject> {
  /** URL fields, each with the secret fields that are sent to it. */
  boundToHost?: { [field in keyof S["shape"] & string]?: readonly string[] };
  /** Field names in plain words, for error messages. */
  labels?: Labels;
}

/** scheme, host and port; "" for an unset URL (an SDK's default host). */
function originOf(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value !== "string") return "invalid";
  try {
    return new URL(value).origin;
  } catch {
    return "invalid";
  }
}

/** A secret field's value, sealed or in clear: the schemas' secret fields are strings. */
function secretText(value: unknown, field: string): string {
  if (typeof value !== "string") throw new SettingsError(`${field} is not text`);
  return value;
}

const kept = (input: Values, saved: Values, field: string) => (input[field] === undefined || input[field] === "") && Boolean(saved[field]);

export function sealedSettings<S extends z.ZodObject>(schema: S, secretFields: readonly string[], { boundToHost = {}, labels = {} }: SealedOptions<S> = {}) {
  const label = (field: string) => labels[field] ?? fieldLabel(field).toLowerCase();
  const bindings = Object.entries(boundToHost) as Array<[string, readonly string[]]>;
  for (const [urlField] of bindings) if (secretFields.includes(urlField)) throw new Error(`${urlField} is secret: it cannot be compared without decrypting`);

  const decryptSecrets = (saved: Values) => {
    const opened = { ...saved };
    for (const field of secretFields) if (opened[field]) opened[field] = decrypt(secretText(opened[field], field));
    return opened;
  };

  /** Refuses a change that moves a URL to another host while keeping a saved secret bound to it. */
  const checkBindings = (input: Values, saved: Values, next: Values) => {
    for (const [urlField, secrets] of bindings) {
      const keptSecrets = secrets.filter((field) => kept(input, saved, field));
      if (keptSecrets.length === 0) continue;
      // The saved value read as the schema reads it, so that a default (Unpod's own API) counts as a host.
      const before = (schema.shape as Record<string, z.ZodType>)[urlField].safeParse(saved[urlField]);
      if (before.success && originOf(before.data) === originOf(next[urlField])) continue;
      throw new SettingsError(
        `The ${label(urlField)} moved to another host: enter the ${keptSecrets.map(label).join(" and the ")} again (a saved secret never follows an address to another host).`,
        keptSecrets.map((field) => ({ field, message: `Enter the ${label(field)} again.` })),
      );
    }
  };

  return {
    /**
     * What to store after a change: validated, secrets encrypted. Secrets left
     * empty keep their saved values (unless their URL moved to another host);
     * with `partial`, so do other fields.
     */
    seal(input: Values, saved: Values = {}, { partial = false } = {}): Values {
      const merged: Values = partial ? { ...decryptSecrets(saved), ...input } : { ...input };
      for (const field of secretFields) {
        if (input[field] === undefined || input[field] === "") merged[field] = saved[field] ? decrypt(secretText(saved[field], field)) : undefined;
      }
      const parsed = schema.safeParse(merged);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error, labels);
        throw new SettingsError(friendlyDetail(errors), errors);
      }
      checkBindings(input, saved, parsed.data);
      const sealed: Values = { ...(parsed.data as Values) };
      for (const field of secretFields) if (sealed[field] !== undefined) sealed[field] = encrypt(secretText(sealed[field], field));
      return sealed;
    },
    /** The settings in clear, for the code that uses them; throws when they do not validate or decrypt. */
    open(saved: unknown): z.infer<S> {
      return schema.parse(decryptSecrets((saved ?? {}) as Values));
    },
    /** The settings as the browser may see them. */
    mask(saved: unknown): Values {
      const view: Values = { ...((saved ?? {}) as Values) };
      for (const field of secretFields) view[field] = view[field] ? "set" : "missing";
      return view;
    },
    /** Whether every secret field has a saved value, without decrypting anything. */
    hasSecrets: (saved: Values) => secretFields.every((field) => Boolean(saved[field])),
  };
}
