import { TrackersAdmin } from "@/components/admin/trackers-admin";
import { requireViewer } from "@/lib/auth/session";
import { listTrackers } from "@/lib/trackers/manage";
import { trackerReapplyState } from "@/lib/trackers/reapply";

export const metadata = { title: "Trackers · Call Analytics" };

export default async function TrackersPage() {
  await requireViewer("admin", "/admin/trackers");
  const [trackers, reapply] = await Promise.all([listTrackers(), trackerReapplyState()]);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Trackers</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          A tracker watches transcripts for words and phrases (a price question, a competitor, &ldquo;send me an email&rdquo;). Calls list the trackers they
          hit, the list filters by them and the overview charts them. A tracker with points adds them to the lead score of every call it hits, quoting the first
          line that matched. Saving a tracker applies it to every stored call in the background.
        </p>
      </div>
      <TrackersAdmin trackers={trackers} reapply={reapply} />
    </div>
  );
}
