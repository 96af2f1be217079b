import { z } from "zod";
import { HttpError } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/users/api-keys";

// Revokes a key for good (admins); requests with it get 401 from then on.
export const DELETE = apiRoute({ auth: "admin" }, async ({ params, audit }) => {
  if (!z.uuid().safeParse(params.id).success) throw new HttpError(404, "Not found", `No API key has the id "${params.id}".`);
  const key = await revokeApiKey(params.id);
  await audit({ action: "api_key.revoke", target: { type: "api_key", id: key.id, name: key.name } });
  return key;
});
