import { apiRoute } from "@/lib/api/route";
import { callIdParams } from "@/lib/calls/ids";
import { callDeliveries } from "@/lib/destinations/log";

// Where one call was forwarded, and how that went (admins).
export const GET = apiRoute({ auth: "admin", params: callIdParams, resource: "call" }, async ({ params }) => ({ items: await callDeliveries(params.id) }));
