/**
 * A form field's text: "" when the form has no such field (or it is a file),
 * never "null" or "[object File]".
 */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
