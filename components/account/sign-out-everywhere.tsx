"use client";

import { signOut } from "next-auth/react";
import { adminFetch } from "@/components/admin/admin-fetch";
import { ActionError, useAction } from "@/components/admin/use-action";
import { Button } from "@/components/ui/button";

/** Ends every session of the signed-in person: a lost laptop, a shared computer. */
export function SignOutEverywhere() {
  const { run, busy, error } = useAction(
    async () => {
      await adminFetch("/api/account/sessions", "DELETE");
      await signOut({ callbackUrl: "/login" });
    },
    { refresh: false },
  );
  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={() => void run()} disabled={busy}>
        {busy ? "Signing out…" : "Sign out everywhere"}
      </Button>
      <ActionError error={error} />
    </div>
  );
}
