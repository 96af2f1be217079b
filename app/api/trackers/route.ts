import { apiRoute } from "@/lib/api/route";
import { createTracker, listTrackers, view } from "@/lib/trackers/manage";
import { startTrackerReapply, trackerReapplyState } from "@/lib/trackers/reapply";
import { trackerInput } from "@/lib/trackers/schemas";

// Trackers: everyone signed in and API keys see them (the calls filter offers
// them and takes their ids); admins create them. Each change is applied to
// every stored call in the background: `reapply` is that run's progress.
export const GET = apiRoute({ auth: "reader" }, async () => ({ trackers: await listTrackers(), reapply: await trackerReapplyState() }));

export const POST = apiRoute({ auth: "admin", body: trackerInput }, async ({ body, audit }) => {
  const tracker = view(await createTracker(body));
  const reapply = await startTrackerReapply();
  await audit({ action: "tracker.create", target: { type: "tracker", id: tracker.id, name: tracker.name }, after: tracker });
  return Response.json({ tracker, reapply }, { status: 201 });
});
