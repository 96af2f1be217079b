import { apiRoute } from "@/lib/api/route";
import { endAllSessions } from "@/lib/users/account";

// "Sign out everywhere": ends every session of the signed-in person, on every device.
export const DELETE = apiRoute({ auth: "user", beforeOwnPassword: true }, async ({ principal, audit }) => {
  await endAllSessions(principal.id);
  await audit({ action: "account.sign_out_everywhere", target: { type: "user", id: principal.id, name: principal.email } });
  return { signedOut: true };
});
