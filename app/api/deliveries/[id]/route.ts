import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db/client";

// One delivery's latest state (admins), e.g. to follow a test as it is sent.
export const GET = apiRoute({ auth: "admin" }, async ({ params }) => {
  const delivery = z.uuid().safeParse(params.id).success ? await db.delivery.findUnique({ where: { id: params.id } }) : null;
  if (!delivery) throw new DomainError("not_found", "Not found", `No delivery has the id "${params.id}".`);
  return delivery;
});
