import { HttpError } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { getInboxEvent } from "@/lib/inbox/events";

// One raw event as received: headers (without credentials), query, body (admins).
export const GET = apiRoute({ auth: "admin" }, async ({ params }) => {
  const event = await getInboxEvent(params.id);
  if (!event) throw new HttpError(404, "Not found", `No raw event has the id "${params.id}".`);
  return event;
});
