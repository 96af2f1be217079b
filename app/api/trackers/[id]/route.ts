import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { deleteTracker, updateTracker, view } from "@/lib/trackers/manage";
import { startTrackerReapply } from "@/lib/trackers/reapply";
import { trackerChange } from "@/lib/trackers/schemas";

// One tracker (admins). A change or a deletion is applied to every stored call in the background.
export const PATCH = apiRoute({ auth: "admin", params: uuidParams, resource: "tracker", body: trackerChange }, async ({ params, body, audit }) => {
  const { before, after } = await updateTracker(params.id, body);
  const reapply = await startTrackerReapply();
  await audit({ action: "tracker.update", target: { type: "tracker", id: after.id, name: after.name }, before: view(before), after: view(after) });
  return { tracker: view(after), reapply };
});

// Its hits and its daily counts go with it; calls lose its score points as the backfill passes.
export const DELETE = apiRoute({ auth: "admin", params: uuidParams, resource: "tracker" }, async ({ params, audit }) => {
  const removed = await deleteTracker(params.id);
  const reapply = await startTrackerReapply();
  await audit({ action: "tracker.delete", target: { type: "tracker", id: removed.id, name: removed.name }, before: view(removed) });
  return { deleted: removed.id, reapply };
});
