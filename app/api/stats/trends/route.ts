import { apiRoute } from "@/lib/api/route";
import { getTrends, trendsQuerySchema } from "@/lib/stats/trends";

// GET /api/stats/trends?days=30: KPIs against the previous period, and series by day.
export const GET = apiRoute({ auth: "reader", query: trendsQuerySchema }, async ({ query }) => getTrends(query.days));
