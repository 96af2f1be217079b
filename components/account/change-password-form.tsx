"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "@/components/admin/admin-fetch";
import { ActionError, submitWith, useAction } from "@/components/admin/use-action";
import { signInWithPassword } from "@/components/auth/password-sign-in";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-text";

/**
 * A new password of the signed-in person's choosing. Saving it ends every
 * session of theirs, this one too, so the form signs in again with it.
 */
export function ChangePasswordForm({ email, minLength, next }: { email: string; minLength: number; next: string }) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { run, busy, error } = useAction(
    async (form: FormData) => {
      const newPassword = formText(form, "newPassword");
      if (newPassword !== form.get("confirm")) throw new Error("The two new passwords differ.");
      await adminFetch("/api/account/password", "POST", { currentPassword: form.get("currentPassword"), newPassword });
      const again = await signInWithPassword(email, newPassword);
      if (!again.ok) throw new Error(`Your password was changed, but signing in again failed: ${again.message}`);
      setDone(true);
      router.replace(next);
      router.refresh();
    },
    { refresh: false },
  );

  return (
    <form onSubmit={submitWith(run)} className="flex max-w-sm flex-col gap-3" aria-label="Change your password">
      <Field label="Current password">
        <input name="currentPassword" type="password" required autoComplete="current-password" className="input block w-full" />
      </Field>
      <Field label={`New password (at least ${minLength} characters)`}>
        <input name="newPassword" type="password" required minLength={minLength} autoComplete="new-password" className="input block w-full" />
      </Field>
      <Field label="New password again">
        <input name="confirm" type="password" required minLength={minLength} autoComplete="new-password" className="input block w-full" />
      </Field>
      <p className="text-xs text-slate-500">
        A long phrase of unrelated words is easy to remember and hard to guess. Common passwords, and ones with your name or email in them, are refused.
      </p>
      <ActionError error={error} />
      {done && (
        <p role="status" className="text-sm text-emerald-700">
          Password changed. Other devices are signed out.
        </p>
      )}
      <Button type="submit" disabled={busy} className="self-start">
        {busy ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
