import { apiRoute } from "@/lib/api/route";
import { callDeliveries } from "@/lib/destinations/log";
import { isCallId } from "@/lib/calls/ids";
import { HttpError } from "@/lib/api/problem";

// Where one call was forwarded, and how that went (admins).
export const GET = apiRoute({ auth: "admin" }, async ({ params }) => {
  if (!isCallId(params.id)) throw new HttpError(404, "Not found", `No call has the id "${params.id}".`);
  return { items: await callDeliveries(params.id) };
});
