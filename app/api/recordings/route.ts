import { apiRoute } from "@/lib/api/route";
import { archiveBackfillState, archiveCounts } from "@/lib/recordings/backfill";
import { recordingStore } from "@/lib/recordings/store";

// The recording archive at a glance (admins): where copies are kept, how many
// are kept, waiting or failed, and the progress of archiving older calls.
export const GET = apiRoute({ auth: "admin" }, async () => ({
  store: recordingStore().kind,
  counts: await archiveCounts(),
  backfill: await archiveBackfillState(),
}));
