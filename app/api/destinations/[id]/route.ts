import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { destinationChange } from "@/lib/destinations/input";
import { deleteDestination, findDestination, updateDestination, view } from "@/lib/destinations/manage";

// One destination (admins): its settings (secrets only as set/missing), rules and state.
export const GET = apiRoute({ auth: "admin", params: uuidParams, resource: "destination" }, async ({ params }) => view(await findDestination(params.id)));

export const PATCH = apiRoute({ auth: "admin", params: uuidParams, resource: "destination", body: destinationChange }, async ({ params, body, audit }) => {
  const { before, after } = await updateDestination(params.id, body);
  await audit({ action: "destination.update", target: { type: "destination", id: after.id, name: after.name }, before: view(before), after: view(after) });
  return view(after);
});

// Its deliveries go with it.
export const DELETE = apiRoute({ auth: "admin", params: uuidParams, resource: "destination" }, async ({ params, audit }) => {
  const removed = await deleteDestination(params.id);
  await audit({ action: "destination.delete", target: { type: "destination", id: removed.id, name: removed.name }, before: view(removed) });
  return { deleted: removed.id };
});
