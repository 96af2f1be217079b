import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { apiRoute } from "@/lib/api/route";
import { resetPassword } from "@/lib/users/manage";

// A new one-time password for a user (admins); the old one stops working.
export const POST = apiRoute({ auth: "admin" }, async ({ params, audit }) => {
  if (!z.uuid().safeParse(params.id).success) throw new DomainError("not_found", "Not found", `No user has the id "${params.id}".`);
  const { user, password } = await resetPassword(params.id);
  await audit({ action: "user.password_reset", target: { type: "user", id: user.id, name: user.email } });
  return { user, password };
});
