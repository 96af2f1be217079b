import { apiRoute } from "@/lib/api/route";
import { trackerStats, trackerStatsQuerySchema } from "@/lib/trackers/stats";

// GET /api/stats/trackers?period=30d: per day and tracker, the share of connected calls that hit it.
export const GET = apiRoute({ auth: "reader", query: trackerStatsQuerySchema }, async ({ query }) => trackerStats(query.period));
