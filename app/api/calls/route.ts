import { HttpError } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { callFiltersSchema } from "@/lib/calls/filters";
import { BadCursorError, listCalls } from "@/lib/calls/list";

export const GET = apiRoute({ auth: "reader", query: callFiltersSchema }, async ({ query }) => {
  try {
    return await listCalls(query);
  } catch (e) {
    if (e instanceof BadCursorError) throw new HttpError(400, "Invalid cursor", e.message);
    throw e;
  }
});
