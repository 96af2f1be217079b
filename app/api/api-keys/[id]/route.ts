import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/users/api-keys";

// Revokes a key for good (admins); requests with it get 401 from then on.
export const DELETE = apiRoute({ auth: "admin", params: uuidParams, resource: "API key" }, async ({ params, audit }) => {
  const key = await revokeApiKey(params.id);
  await audit({ action: "api_key.revoke", target: { type: "api_key", id: key.id, name: key.name } });
  return key;
});
