import { apiRoute } from "@/lib/api/route";
import { callFiltersSchema } from "@/lib/calls/filters";
import { listCalls } from "@/lib/calls/list";
import { withRepeatedTrackers } from "@/lib/trackers/filter";

export const GET = apiRoute({ auth: "reader", query: callFiltersSchema }, async ({ query, request }) => listCalls(withRepeatedTrackers(request, query)));
