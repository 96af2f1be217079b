import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { apiRoute } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/users/api-keys";

// Revokes a key for good (admins); requests with it get 401 from then on.
export const DELETE = apiRoute({ auth: "admin" }, async ({ params, audit }) => {
  if (!z.uuid().safeParse(params.id).success) throw new DomainError("not_found", "Not found", `No API key has the id "${params.id}".`);
  const key = await revokeApiKey(params.id);
  await audit({ action: "api_key.revoke", target: { type: "api_key", id: key.id, name: key.name } });
  return key;
});
