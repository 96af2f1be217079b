/** A form control with its label above it. */
export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="text-sm text-slate-600">
      <span className="mb-1 block">{label}</span>
      {children}
    </label>
  );
}
