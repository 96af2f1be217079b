import { apiRoute } from "@/lib/api/route";
import { getCompare } from "@/lib/stats/compare";
import { compareQuerySchema } from "@/lib/stats/compare-schema";

// GET /api/stats/compare?by=vendor|agent|campaign|source&from=&to=: each group's figures against the previous period.
export const GET = apiRoute({ auth: "reader", query: compareQuerySchema }, async ({ query }) => getCompare(query));
