import { z } from "zod";
import { HttpError } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { setHandled } from "@/lib/calls/hot-leads";

// A manager marks a hot lead handled (or takes that back).
export const PUT = apiRoute({ auth: "user", body: z.object({ handled: z.boolean() }) }, async ({ params, body, principal }) => {
  const userId = principal.id;
  if (!(await setHandled(params.id, body.handled, userId))) throw new HttpError(404, "Not found", `No call has the id "${params.id}".`);
  return { id: params.id, handled: body.handled };
});
