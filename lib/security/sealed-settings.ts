import { z } from "zod";
import { decrypt, encrypt } from "./encryption";

// Settings that hold secrets (vendor tokens, storage keys, destination
// credentials) are stored with those fields encrypted, shown to the browser
// with them as "set" or "missing", and opened only where they are used. An
// admin's change may leave a secret empty to keep the saved one.

export class SettingsError extends Error {}

type Values = Record<string, unknown>;

export function sealedSettings<S extends z.ZodObject>(schema: S, secretFields: readonly string[]) {
  const decryptSecrets = (saved: Values) => {
    const opened = { ...saved };
    for (const field of secretFields) if (opened[field]) opened[field] = decrypt(String(opened[field]));
    return opened;
  };
  return {
    /**
     * What to store after a change: validated, secrets encrypted. Secrets left
     * empty keep their saved values; with `partial`, so do other fields.
     */
    seal(input: Values, saved: Values = {}, { partial = false } = {}): Values {
      const merged: Values = partial ? { ...decryptSecrets(saved), ...input } : { ...input };
      for (const field of secretFields) {
        if (input[field] === undefined || input[field] === "") merged[field] = saved[field] ? decrypt(String(saved[field])) : undefined;
      }
      const parsed = schema.safeParse(merged);
      if (!parsed.success) throw new SettingsError(z.prettifyError(parsed.error));
      const sealed: Values = { ...(parsed.data as Values) };
      for (const field of secretFields) if (sealed[field] !== undefined) sealed[field] = encrypt(String(sealed[field]));
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
