import { apiRoute } from "@/lib/api/route";
import { metricsBackfillState, startMetricsBackfill } from "@/lib/calls/metrics/backfill";

// Talk metrics for stored calls (admins): the progress of their backfill, and
// a new run that recomputes every call's metrics from its transcript.
export const GET = apiRoute({ auth: "admin" }, async () => ({ backfill: await metricsBackfillState() }));

export const POST = apiRoute({ auth: "admin" }, async ({ audit }) => {
  const backfill = await startMetricsBackfill();
  await audit({ action: "talk_metrics.backfill", target: { type: "settings", id: "talk-metrics", name: "Talk metrics" }, after: backfill });
  return Response.json({ backfill }, { status: 202 });
});
