import { HttpError } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { getCall } from "@/lib/calls/detail";

export const GET = apiRoute({ auth: "reader" }, async ({ params }) => {
  const call = await getCall(params.id);
  if (!call) throw new HttpError(404, "Not found", `No call has the id "${params.id}".`);
  return call;
});
