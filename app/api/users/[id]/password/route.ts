import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { resetPassword } from "@/lib/users/manage";

// A new one-time password for a user (admins); the old one stops working.
export const POST = apiRoute({ auth: "admin", params: uuidParams, resource: "user" }, async ({ params, audit }) => {
  const { user, password } = await resetPassword(params.id);
  await audit({ action: "user.password_reset", target: { type: "user", id: user.id, name: user.email } });
  return { user, password };
});
