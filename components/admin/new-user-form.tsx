"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { adminFetch } from "./admin-fetch";
import { OneTimeSecret } from "./one-time-secret";
import { ActionError, useAction } from "./use-action";

/** Adds a person; their first password is shown once, for the admin to pass on. */
export function NewUserForm() {
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    const { user, password } = await adminFetch<{ user: { email: string }; password: string }>("/api/users", "POST", {
      email: form.get("email"),
      name: form.get("name") || undefined,
      role: form.get("role"),
    });
    setCreated({ email: user.email, password });
  });

  return (
    <div className="space-y-2">
      <form action={submit} className="flex flex-wrap items-end gap-3" aria-label="Add a user">
        <Field label="Email">
          <input name="email" type="email" required className="input block" />
        </Field>
        <Field label="Name">
          <input name="name" className="input block" />
        </Field>
        <Field label="Role">
          <select name="role" defaultValue="manager" className="input block">
            <option value="manager">Manager</option>
            <option value="admin">Admin</option>
          </select>
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? "Adding…" : "Add user"}
        </Button>
      </form>
      <ActionError error={error} />
      {created && (
        <OneTimeSecret
          label={`Password for ${created.email}`}
          value={created.password}
          note="Shown once: pass it on now. They choose their own password when they first sign in with it."
        />
      )}
    </div>
  );
}
