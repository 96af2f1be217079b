"use client";

import { Field } from "@/components/ui/field";
import type { SettingsField, SettingsGroupForm } from "@/lib/sources/settings-group";

// One settings group of a source (Unpod's polling, a bucket for recordings),
// drawn from the descriptor its vendor's module gives the page, and read back
// for the API. Fields are named "<group>.<field>".

type Values = Record<string, unknown> | null;

const shown = (value: unknown, fallback = "") => (typeof value === "string" || typeof value === "number" ? String(value) : fallback);

function GroupField({ group, field, saved }: { group: string; field: SettingsField; saved: Values }) {
  const name = `${group}.${field.name}`;
  switch (field.type) {
    case "secret":
      return (
        <Field label={field.label}>
          <input
            name={name}
            type="password"
            autoComplete="off"
            placeholder={saved?.[field.name] === "set" ? "Saved; leave empty to keep it" : "Required"}
            className="input block w-72"
          />
        </Field>
      );
    case "checkbox":
      return null; // drawn below the inputs, in GroupFields
    case "text":
    case "url":
    case "number":
      return (
        <Field label={field.label} hint={field.hint}>
          <input name={name} type={field.type} defaultValue={shown(saved?.[field.name], field.fallback)} className="input block w-72" />
        </Field>
      );
  }
}

export function GroupFields({ group, saved }: { group: SettingsGroupForm; saved: Values }) {
  const checkboxes = group.fields.filter((f) => f.type === "checkbox");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-900">{group.legend}</legend>
      <div className="flex flex-wrap gap-4">
        {group.fields.map((field) => (
          <GroupField key={field.name} group={group.key} field={field} saved={saved} />
        ))}
      </div>
      {checkboxes.map((field) => (
        <label key={field.name} className="flex items-center gap-1.5 text-sm text-slate-600">
          <input type="checkbox" name={`${group.key}.${field.name}`} defaultChecked={saved?.[field.name] === true} /> {field.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The group's values from the form: empty fields left out (a secret left empty is kept), numbers as numbers, checkboxes as booleans. */
export function readGroup(form: FormData, group: SettingsGroupForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of group.fields) {
    const raw = form.get(`${group.key}.${field.name}`);
    if (field.type === "checkbox") out[field.name] = raw === "on";
    else if (typeof raw === "string" && raw.trim() !== "") out[field.name] = field.type === "number" ? Number(raw.trim()) : raw.trim();
  }
  return out;
}
