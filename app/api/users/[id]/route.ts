import { z } from "zod";
import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { updateUser } from "@/lib/users/manage";

// Role, name, deactivation (admins). The last active admin stays an active admin.
const body = z
  .object({ role: z.enum(["admin", "manager"]).optional(), active: z.boolean().optional(), name: z.string().trim().max(100).nullable().optional() })
  .refine((b) => Object.keys(b).length > 0, "Send role, active or name.");

export const PATCH = apiRoute({ auth: "admin", params: uuidParams, resource: "user", body }, async ({ params, body, audit }) => {
  const { before, after } = await updateUser(params.id, body);
  await audit({ action: "user.update", target: { type: "user", id: after.id, name: after.email }, before, after });
  return after;
});
