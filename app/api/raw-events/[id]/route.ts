import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { getInboxEvent } from "@/lib/inbox/events";

// One raw event as received: headers (without credentials), query, body (admins).
export const GET = apiRoute({ auth: "admin", params: uuidParams, resource: "raw event" }, async ({ params }) => {
  const event = await getInboxEvent(params.id);
  if (!event) throw notFound("raw event", params.id);
  return event;
});
