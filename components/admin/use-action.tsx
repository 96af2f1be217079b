"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Runs an async action with a busy flag and its error message, for buttons
 * and forms; after it succeeds, the page's server data is read again (unless
 * `refresh: false`), so that lists show the change. `run` never rejects: a
 * failure becomes `error`, so callers may start it with `void`.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>, { refresh = true } = {}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
      if (refresh) router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}

export function ActionError({ error, small = false }: { error: string | null; small?: boolean }) {
  if (!error) return null;
  return (
    <p role="alert" className={`${small ? "text-xs" : "text-sm"} text-rose-700`}>
      {error}
    </p>
  );
}

/**
 * An onSubmit that passes the form's data to `run`. For forms that stay on the
 * page after saving: React resets a form after a form action, which would show
 * the old values again (or put controlled fields out of step with their state).
 */
export function submitWith(run: (form: FormData) => Promise<void>) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(new FormData(e.currentTarget));
  };
}
