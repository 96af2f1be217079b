import { apiRoute } from "@/lib/api/route";
import { callIdParams } from "@/lib/calls/ids";
import { forwardCorrection } from "@/lib/reviews/forward";
import { reviewCall } from "@/lib/reviews/review";
import { reviewInputSchema } from "@/lib/reviews/schemas";

// A manager or admin reviews a call: corrects its outcome, sentiment or hot
// flag (the AI's values stay stored beside them), marks it reviewed, adds a note.
// Signed-in people only, from this site (the wrapper refuses cross-site changes).
export const PATCH = apiRoute({ auth: "user", params: callIdParams, resource: "call", body: reviewInputSchema }, async ({ params, body, principal, audit }) => {
  const result = await reviewCall(params.id, body, principal.id);
  // Forwarding first: it never throws, and a failed audit write must not leave destinations unaware.
  if (result.changed) await forwardCorrection(params.id, result.facts);
  await audit({ action: "call.review", target: { type: "call", id: params.id }, before: result.before, after: result.after });
  return { id: params.id, ...result.after };
});
