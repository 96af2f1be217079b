"use client";

import { Field } from "@/components/ui/field";
import type { KindField } from "@/lib/destinations/kinds/catalog-entry";
import { SecretInput } from "./secret-input";

// A destination kind's own fields, drawn from its catalog entry (see
// lib/destinations/kinds), and read back into its config.

type Values = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" ? value : "");
const record = (value: unknown) => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});

function SecretField({ field, config }: { field: Extract<KindField, { type: "secret" }>; config: Values }) {
  const saved = config[field.name] === "set";
  if (!saved && field.whenEmpty) {
    return (
      <Field label={field.label}>
        <input name={field.name} type="password" autoComplete="off" placeholder={field.whenEmpty} className="input block w-full" />
      </Field>
    );
  }
  const masked = config[`${field.name}Masked`];
  return (
    <SecretInput
      name={field.name}
      label={field.label}
      saved={saved}
      savedAs={typeof masked === "string" ? masked : null}
      placeholder={field.placeholder}
      hint={saved ? field.hint : undefined}
      concealed={field.concealed ?? true}
    />
  );
}

function KindFieldInput({ field, config, defaults }: { field: KindField; config: Values; defaults: Values }) {
  switch (field.type) {
    case "secret":
      return <SecretField field={field} config={config} />;
    case "text":
    case "url":
      return (
        <Field label={field.label}>
          <input
            name={field.name}
            type={field.type}
            required
            defaultValue={text(config[field.name])}
            placeholder={field.placeholder}
            className="input block w-full"
          />
        </Field>
      );
    case "checkbox":
      return (
        <label className="inline-flex items-center gap-1.5 text-sm text-slate-600">
          <input type="checkbox" name={field.name} defaultChecked={(config[field.name] ?? defaults[field.name]) === true} /> {field.label}
        </label>
      );
    case "choice-per-key": {
      const saved = record(config[field.name]);
      const preset = record(defaults[field.name]);
      return (
        <fieldset className="text-sm text-slate-600">
          <legend className="mb-1 font-medium text-slate-900">{field.legend}</legend>
          <div className="grid grid-cols-1 gap-x-8 gap-y-2 md:grid-cols-2 xl:grid-cols-3">
            {field.keys.map((key) => (
              <label key={key.value} className="flex items-center justify-between gap-2">
                <span>{key.label}</span>
                <select name={`${field.name}.${key.value}`} defaultValue={text(saved[key.value] ?? preset[key.value])} className="input w-60">
                  {field.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
  }
}

export function KindFields({ fields, config, defaults }: { fields: KindField[]; config: Values; defaults: Values }) {
  return (
    <div className="space-y-3">
      {fields.map((field) => (
        <KindFieldInput key={field.name} field={field} config={config} defaults={defaults} />
      ))}
    </div>
  );
}

function readField(field: KindField, form: FormData): unknown {
  switch (field.type) {
    case "checkbox":
      return form.get(field.name) === "on";
    case "choice-per-key":
      return Object.fromEntries(field.keys.map((key) => [key.value, form.get(`${field.name}.${key.value}`) ?? ""]));
    case "secret":
    case "text":
    case "url":
      return form.get(field.name);
  }
}

/** The kind's config as entered; secrets left empty are sent empty, which keeps the saved ones. */
export const readKindFields = (fields: KindField[], form: FormData): Values => Object.fromEntries(fields.map((field) => [field.name, readField(field, form)]));
