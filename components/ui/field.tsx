/** A form control with its label above it, and an optional hint below it (outside the label, so not part of the control's name). */
export function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  const field = (
    <label className="text-sm text-slate-600">
      <span className="mb-1 block">{label}</span>
      {children}
    </label>
  );
  if (!hint) return field;
  return (
    <div>
      {field}
      <p className="mt-1 max-w-72 text-xs text-slate-500">{hint}</p>
    </div>
  );
}
