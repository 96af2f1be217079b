import { apiRoute } from "@/lib/api/route";
import { getCall } from "@/lib/calls/detail";
import { callIdParams } from "@/lib/calls/ids";
import { notFound } from "@/lib/errors";

export const GET = apiRoute({ auth: "reader", params: callIdParams, resource: "call" }, async ({ params }) => {
  const call = await getCall(params.id);
  if (!call) throw notFound("call", params.id);
  return call;
});
