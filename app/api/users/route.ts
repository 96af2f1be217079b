import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { createUser, listUsers } from "@/lib/users/manage";

// People who sign in (admins). Creating one answers a one-time password to pass on.
export const GET = apiRoute({ auth: "admin" }, async () => ({ users: await listUsers() }));

const body = z.object({
  email: z.email(),
  name: z.string().trim().max(100).optional(),
  role: z.enum(["admin", "manager"]).default("manager"),
});

export const POST = apiRoute({ auth: "admin", body }, async ({ body, audit }) => {
  const { user, password } = await createUser(body);
  await audit({ action: "user.create", target: { type: "user", id: user.id, name: user.email }, after: user });
  return Response.json({ user, password }, { status: 201 });
});
