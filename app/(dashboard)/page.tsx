import { Suspense } from "react";
import { KpiCards } from "@/components/overview/kpi-cards";
import { OverviewCharts } from "@/components/overview/overview-charts";
import { PeriodPicker } from "@/components/overview/period-picker";
import { DestinationAlerts } from "@/components/overview/destination-alerts";
import { SourceAlerts } from "@/components/overview/source-alerts";
import { MetricAlerts } from "@/components/overview/metric-alerts";
import { openAlerts } from "@/lib/alerts/history";
import { EmptyState } from "@/components/ui/empty-state";
import { OverviewSkeleton } from "@/components/ui/skeleton";
import { requireViewer } from "@/lib/auth/session";
import { listOpenAlerts } from "@/lib/sources/alerts";
import { stoppedDestinations } from "@/lib/destinations/stopped";
import { getTrends, trendsQuerySchema } from "@/lib/stats/trends";
import { TrackerMentions } from "@/components/overview/tracker-mentions";
import { trackerStats } from "@/lib/trackers/stats";

export const metadata = { title: "Overview · Call Analytics" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ days?: string; denied?: string }> }) {
  const viewer = await requireViewer("manager", "/");
  const search = await searchParams;
  const days = trendsQuerySchema.safeParse(search).data?.days ?? 30;

  return (
    <div className="space-y-4">
      {search.denied === "admin" && (
        <p role="status" className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-800">
          That page is for admins only.
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Overview</h1>
        <PeriodPicker current={days} />
      </div>
      <Suspense key={days} fallback={<OverviewSkeleton />}>
        <OverviewData days={days} viewer={viewer} />
      </Suspense>
    </div>
  );
}

async function OverviewData({ days, viewer }: { days: number; viewer: { id: string; role: string } }) {
  const isAdmin = viewer.role === "admin";
  const [trends, alerts, stopped, mentions, metricAlerts] = await Promise.all([
    getTrends(days),
    listOpenAlerts(),
    // Only admins can turn a destination back on, so only they are told.
    isAdmin ? stoppedDestinations() : [],
    trackerStats(days),
    openAlerts(viewer),
  ]);
  return (
    <>
      <SourceAlerts alerts={alerts} isAdmin={isAdmin} />
      <MetricAlerts alerts={metricAlerts} />
      <DestinationAlerts destinations={stopped} />
      <KpiCards current={trends.current} previous={trends.previous} days={days} />
      {trends.current.calls === 0 ? (
        <EmptyState>No calls in the last {days} days. Connect a vendor, and its calls appear here as they arrive.</EmptyState>
      ) : (
        <>
          <OverviewCharts trends={trends} />
          <TrackerMentions stats={mentions} />
        </>
      )}
      <p className="text-xs text-slate-500">
        Days are days in {trends.timeZone.replaceAll("_", " ")}, from {trends.from} to {trends.to}.
      </p>
    </>
  );
}
