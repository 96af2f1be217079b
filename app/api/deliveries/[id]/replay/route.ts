import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { replayDelivery } from "@/lib/destinations/queue";

// Sends a finished delivery again (admins). Answers the delivery to follow:
// the same one for a delivery that failed, a new one for one that arrived.
export const POST = apiRoute({ auth: "admin", params: uuidParams, resource: "delivery" }, async ({ params, audit }) => {
  const replayed = await replayDelivery(params.id);
  await audit({ action: "delivery.replay", target: { type: "delivery", id: params.id }, after: replayed });
  return Response.json(replayed, { status: 202 });
});
