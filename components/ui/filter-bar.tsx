import Form from "next/form";
import { buttonClass } from "./button";
import { Field } from "./field";

// The filter row above a list: a GET form to `action`, so that filters live in
// the URL. next/form moves there without reloading the page (a plain GET form
// without script), so the list's skeleton shows while the new one loads. Its
// fields keep what was typed, so pages key it by the filters: Back and Forward
// then show the filters of the list on screen.

export function FilterBar({ label, action, children }: { label: string; action: string; children: React.ReactNode }) {
  return (
    <Form action={action} className="flex flex-wrap items-end gap-3" aria-label={label}>
      {children}
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
    </Form>
  );
}

type Option = string | { value: string; label: string };

/** A select whose first choice, `any`, means no filter. */
export function FilterSelect({
  label,
  name,
  value,
  any,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  any: string;
  options: readonly Option[];
}) {
  return (
    <Field label={label}>
      <select name={name} defaultValue={value ?? ""} className="input block">
        <option value="">{any}</option>
        {options.map((o) => {
          const { value: v, label: text } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </Field>
  );
}
