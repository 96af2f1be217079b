import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { findDestination } from "@/lib/destinations/manage";
import { queueTestDelivery } from "@/lib/destinations/queue";

// Sends a sample call to the destination now; poll GET /api/deliveries/{id} for the outcome.
export const POST = apiRoute({ auth: "admin", params: uuidParams, resource: "destination" }, async ({ params, audit }) => {
  const destination = await findDestination(params.id);
  const deliveryId = await queueTestDelivery(destination.id);
  await audit({ action: "destination.test", target: { type: "destination", id: destination.id, name: destination.name }, after: { deliveryId } });
  return Response.json({ deliveryId }, { status: 202 });
});
