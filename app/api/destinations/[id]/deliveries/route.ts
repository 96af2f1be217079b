import { z } from "zod";
import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { listDeliveries } from "@/lib/destinations/log";
import { findDestination } from "@/lib/destinations/manage";

// A destination's delivery log, newest first: ?status=failed&cursor=…&limit=50.
const query = z.object({
  status: z.enum(["pending", "delivered", "failed", "skipped"]).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = apiRoute({ auth: "admin", params: uuidParams, resource: "destination", query }, async ({ params, query }) => {
  await findDestination(params.id);
  return listDeliveries({ destinationId: params.id, ...query });
});
