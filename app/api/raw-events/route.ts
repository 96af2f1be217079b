import { apiRoute } from "@/lib/api/route";
import { inboxQuerySchema, listInbox } from "@/lib/inbox/events";

// The inbox of raw events (admins): ?source=slug&status=failed&call=id&cursor=…&limit=50.
export const GET = apiRoute({ auth: "admin", query: inboxQuerySchema }, async ({ query }) => listInbox(query));
