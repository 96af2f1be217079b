import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { requestAddress } from "@/lib/http/forwarding";
import { changeOwnPassword } from "@/lib/users/account";

// The signed-in person's new password. Every session of theirs ends, this one
// too: the page signs in again with the new password.
const body = z.object({ currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH), newPassword: z.string().max(MAX_PASSWORD_LENGTH) });

export const POST = apiRoute({ auth: "user", beforeOwnPassword: true, body }, async ({ request, principal, body, audit }) => {
  await changeOwnPassword(principal.id, body.currentPassword, body.newPassword, requestAddress(request.headers));
  await audit({ action: "account.password", target: { type: "user", id: principal.id, name: principal.email } });
  return { changed: true };
});
