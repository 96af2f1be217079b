import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { setHandled } from "@/lib/calls/hot-leads";
import { callIdParams } from "@/lib/calls/ids";
import { notFound } from "@/lib/errors";

// A manager marks a hot lead handled (or takes that back).
export const PUT = apiRoute(
  { auth: "user", params: callIdParams, resource: "call", body: z.object({ handled: z.boolean() }) },
  async ({ params, body, principal }) => {
    if (!(await setHandled(params.id, body.handled, principal.id))) throw notFound("call", params.id);
    return { id: params.id, handled: body.handled };
  },
);
