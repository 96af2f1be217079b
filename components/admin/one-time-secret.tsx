import { CopyButton } from "@/components/ui/copy-button";

/** A password or key shown once, with a copy button and a warning. */
export function OneTimeSecret({ label, value, note = "Shown once: copy it now. Only a hash of it is kept." }: { label: string; value: string; note?: string }) {
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      <div className="flex flex-wrap items-center gap-2">
        <span>{label}:</span>
        <code data-testid="one-time-secret" className="rounded bg-white px-2 py-0.5 font-mono">
          {value}
        </code>
        <CopyButton text={value} />
      </div>
      <p className="mt-1 text-xs">{note}</p>
    </div>
  );
}
