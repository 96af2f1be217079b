"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { formText } from "@/components/ui/form-text";
import { signInWithPassword } from "./password-sign-in";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // While a throttled sign-in waits: seconds left, counted down so the form says when to try again.
  const [waitLeft, setWaitLeft] = useState(0);

  useEffect(() => {
    if (waitLeft <= 0) return;
    const timer = setTimeout(() => {
      setWaitLeft((s) => s - 1);
      // The wait is over: the message about it is too.
      if (waitLeft === 1) setError(null);
    }, 1000);
    return () => clearTimeout(timer);
  }, [waitLeft]);

  // Never rejects: signInWithPassword answers every failure, an unreachable server too, as a result.
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithPassword(formText(form, "email"), formText(form, "password"));
    setPending(false);
    if (result.ok) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setError(result.message);
    if (result.retryAfter) setWaitLeft(result.retryAfter);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="mt-8 space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <label className="block text-sm font-medium text-slate-700">
        Email
        <input name="email" type="email" required autoComplete="email" autoFocus className="input mt-1 w-full" />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Password
        <input name="password" type="password" required autoComplete="current-password" className="input mt-1 w-full" />
      </label>
      {error && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {waitLeft > 0 ? `Too many sign-in attempts. You can try again in ${formatWait(waitLeft)}.` : error}
        </p>
      )}
      <Button type="submit" disabled={pending || waitLeft > 0} className="w-full">
        {pending ? "Signing in…" : waitLeft > 0 ? `Try again in ${formatWait(waitLeft)}` : "Sign in"}
      </Button>
    </form>
  );
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")} min`;
}
