"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  // signOut() rejects when the server cannot be reached; the session then stays, and the button says so.
  const [failed, setFailed] = useState(false);
  const signOutNow = () => {
    setFailed(false);
    signOut({ callbackUrl: "/login" }).catch(() => setFailed(true));
  };
  return (
    <>
      <Button variant="ghost" onClick={signOutNow}>
        Sign out
      </Button>
      {failed && (
        <span role="alert" className="text-xs text-rose-700">
          Not signed out: the server could not be reached.
        </span>
      )}
    </>
  );
}
