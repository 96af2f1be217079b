import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { getDelivery } from "@/lib/destinations/log";
import { notFound } from "@/lib/errors";

// One delivery's latest state (admins), e.g. to follow a test as it is sent.
export const GET = apiRoute({ auth: "admin", params: uuidParams, resource: "delivery" }, async ({ params }) => {
  const delivery = await getDelivery(params.id);
  if (!delivery) throw notFound("delivery", params.id);
  return delivery;
});
