import { apiRoute } from "@/lib/api/route";
import { startArchiveBackfill } from "@/lib/recordings/backfill";

// Archives the recordings of calls stored before the archive existed, and
// tries again those whose copy failed. Answered at once; the work is a job.
export const POST = apiRoute({ auth: "admin" }, async ({ audit }) => {
  const backfill = await startArchiveBackfill();
  await audit({ action: "recordings.backfill", target: { type: "settings", id: "recordings", name: "Recording archive" }, after: backfill });
  return Response.json({ backfill }, { status: 202 });
});
