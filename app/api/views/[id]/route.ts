import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { viewActor } from "@/lib/views/actor";
import { deleteView, updateView } from "@/lib/views/manage";
import { viewChange } from "@/lib/views/schemas";

// One saved view: its owner or an admin renames, shares, refilters or deletes
// it. An admin's change to someone else's view goes in the audit log.
export const PATCH = apiRoute({ auth: "user", params: uuidParams, resource: "view", body: viewChange }, async ({ params, body, principal, audit }) => {
  const { before, after } = await updateView(await viewActor(principal), params.id, body);
  if (!after.mine) await audit({ action: "view.update", target: { type: "view", id: after.id, name: after.name }, before, after });
  return { view: after };
});

export const DELETE = apiRoute({ auth: "user", params: uuidParams, resource: "view" }, async ({ params, principal, audit }) => {
  const removed = await deleteView(await viewActor(principal), params.id);
  if (!removed.mine) await audit({ action: "view.delete", target: { type: "view", id: removed.id, name: removed.name }, before: removed });
  return { deleted: removed.id };
});
