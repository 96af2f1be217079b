import { headers } from "next/headers";
import { ConnectSourceForm } from "@/components/admin/connect-source-form";
import { JobStats } from "@/components/admin/job-stats";
import { SourceHealthRow } from "@/components/admin/source-health-row";
import { publicOrigin } from "@/lib/api/origin";
import { requireViewer } from "@/lib/auth/session";
import { jobStats } from "@/lib/jobs/stats";
import { listSourceHealth } from "@/lib/sources/health";

export const metadata = { title: "Sources · Call Analytics" };

export default async function SourcesPage() {
  await requireViewer("admin", "/admin/sources");
  const [sources, jobs, h] = await Promise.all([listSourceHealth(), jobStats(), headers()]);
  const origin = publicOrigin(h, "http://localhost");

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Sources</h1>
      <p className="text-sm text-slate-600">
        Each vendor posts its calls to the source&apos;s webhook URL, with the source&apos;s secret as <code>Authorization: Bearer</code>,{" "}
        <code>X-Webhook-Secret</code> or <code>?token=</code>. Unpod has no webhooks: the app polls its task API.
      </p>
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <ConnectSourceForm />
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Source</th>
              <th className="px-4 py-3">Calls arrive by</th>
              <th className="px-4 py-3">Last delivery</th>
              <th className="px-4 py-3">Last 24 hours</th>
              <th className="px-4 py-3">Last 7 days</th>
              <th className="px-4 py-3">Health</th>
              <th className="px-4 py-3">Actions</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sources.map((s) => (
              <SourceHealthRow key={s.id} s={s} origin={origin} />
            ))}
          </tbody>
        </table>
      </div>
      <JobStats queues={jobs.queues} failures={jobs.failures} />
    </div>
  );
}
