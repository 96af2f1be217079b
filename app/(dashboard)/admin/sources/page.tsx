import { headers } from "next/headers";
import { ConnectSourceForm } from "@/components/admin/connect-source-form";
import { JobStats } from "@/components/admin/job-stats";
import { SourceHealthRow } from "@/components/admin/source-health-row";
import { SpoolBanner } from "@/components/admin/spool-banner";
import { RecordingArchivePanel } from "@/components/admin/recording-archive-panel";
import { DataTable } from "@/components/ui/data-table";
import { publicOrigin } from "@/lib/api/origin";
import { requireViewer } from "@/lib/auth/session";
import { CATALOG } from "@/lib/providers/catalog";
import { spoolStatus } from "@/lib/ingest/spool/status";
import { jobStats } from "@/lib/jobs/stats";
import { listSourceHealth } from "@/lib/sources/health";
import { archiveBackfillState, archiveCounts } from "@/lib/recordings/backfill";
import { recordingStore } from "@/lib/recordings/store";

export const metadata = { title: "Sources · Call Analytics" };

const POLLED_NAMES = CATALOG.filter((p) => p.capabilities.polled).map((p) => p.name);

export default async function SourcesPage() {
  await requireViewer("admin", "/admin/sources");
  const [sources, jobs, h, spool, archived, backfill] = await Promise.all([
    listSourceHealth(),
    jobStats(),
    headers(),
    spoolStatus(),
    archiveCounts(),
    archiveBackfillState(),
  ]);
  const origin = publicOrigin(h, "http://localhost");

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Sources</h1>
      <p className="text-sm text-slate-600">
        Each vendor posts its calls to the source&apos;s webhook URL, with the source&apos;s secret as <code>Authorization: Bearer</code>,{" "}
        <code>X-Webhook-Secret</code> or <code>?token=</code>.{POLLED_NAMES.map((name) => ` ${name} has no webhooks: the app polls its API.`)}
      </p>
      <SpoolBanner spool={spool} />
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <ConnectSourceForm />
      </div>
      <DataTable columns={["Source", "Calls arrive by", "Last delivery", "Last 24 hours", "Last 7 days", "Health", "Actions"]}>
        {sources.map((s) => (
          <SourceHealthRow key={s.id} s={s} origin={origin} />
        ))}
      </DataTable>
      <RecordingArchivePanel initial={{ store: recordingStore().kind, counts: archived, backfill }} />
      <JobStats queues={jobs.queues} failures={jobs.failures} />
    </div>
  );
}
