import { ZodError, type z } from "zod";
import { sealedSettings, type SealedOptions } from "@/lib/security/sealed-settings";

// A group of source settings that a vendor's module brings (Unpod's polling,
// the storage of recordings sent as keys): its schema, which fields are
// secret, and the fields the settings form draws. Stored under
// sources.settings[key]; the form gets only the plain-data half (SettingsGroupForm).

export type SettingsField =
  | { type: "text" | "url" | "number"; name: string; label: string; fallback?: string; hint?: string }
  /** Stored encrypted; never filled in from the server, left empty it keeps the saved one. */
  | { type: "secret"; name: string; label: string }
  | { type: "checkbox"; name: string; label: string };

export interface SettingsGroupForm {
  /** Its key in sources.settings and in the API's `settings` object: never change one. */
  key: string;
  legend: string;
  fields: SettingsField[];
}

export interface SettingsGroupDef<S extends z.ZodObject = z.ZodObject> extends SettingsGroupForm {
  /** Its name in error messages ("Polling: …"). */
  title: string;
  schema: S;
  sealed: ReturnType<typeof sealedSettings<S>>;
}

export function defineSettingsGroup<S extends z.ZodObject>(
  group: SettingsGroupForm & { title: string; schema: S; secrets: readonly string[] } & SealedOptions<S>,
): SettingsGroupDef<S> {
  const { secrets, boundToHost, labels, ...rest } = group;
  for (const field of group.fields) {
    if (!(field.name in group.schema.shape)) throw new Error(`${group.key}: the form field ${field.name} is not in the schema`);
    if ((field.type === "secret") !== secrets.includes(field.name)) throw new Error(`${group.key}: ${field.name} is secret in one place only`);
  }
  return { ...rest, sealed: sealedSettings(group.schema, secrets, { boundToHost, labels }) };
}

/** The form's half: plain data, for the client component. */
export const groupForm = ({ key, legend, fields }: SettingsGroupDef): SettingsGroupForm => ({ key, legend, fields });

/** The group's values as saved in sources.settings, not yet opened. */
export function savedGroup(group: { key: string }, current: unknown): Record<string, unknown> | undefined {
  const value = current && typeof current === "object" ? (current as Record<string, unknown>)[group.key] : undefined;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A group in clear, or null when it is not set up (or no longer valid). */
export function openGroup<S extends z.ZodObject>(group: SettingsGroupDef<S>, current: unknown): z.infer<S> | null {
  const values = savedGroup(group, current);
  if (!values) return null;
  try {
    return group.sealed.open(values);
  } catch (e) {
    if (e instanceof ZodError) return null;
    throw e;
  }
}
