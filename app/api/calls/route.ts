import { apiRoute } from "@/lib/api/route";
import { callFiltersSchema } from "@/lib/calls/filters";
import { listCalls } from "@/lib/calls/list";

export const GET = apiRoute({ auth: "reader", query: callFiltersSchema }, async ({ query }) => listCalls(query));
