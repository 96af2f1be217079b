import { apiRoute } from "@/lib/api/route";
import { exportCallsCsv } from "@/lib/calls/export-csv";
import { callFilterFields } from "@/lib/calls/filters";
import { withVariableParams } from "@/lib/calls/variable-filters";
import { withRepeatedTrackers } from "@/lib/trackers/filter";

// GET /api/calls/export?<the list's filters>: every matching call as CSV.
export const GET = apiRoute(
  { auth: "reader", limit: "export", query: withVariableParams(callFilterFields.omit({ limit: true, cursor: true })) },
  ({ query, request }) => {
    const day = new Date().toISOString().slice(0, 10);
    // The CSV streams as it is read; the answer itself is ready at once.
    return Promise.resolve(
      new Response(exportCallsCsv(withRepeatedTrackers(request, query)), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="calls-${day}.csv"` },
      }),
    );
  },
);
