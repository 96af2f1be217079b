import { apiRoute } from "@/lib/api/route";
import { suggestions, suggestionsQuerySchema } from "@/lib/calls/suggestions";

// GET /api/calls/suggestions?field=campaign|agent&q=prefix: values for the list's filters, most used first.
export const GET = apiRoute({ auth: "reader", query: suggestionsQuerySchema }, async ({ query }) => suggestions(query));
