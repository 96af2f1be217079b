import { apiRoute } from "@/lib/api/route";
import { callIdParams } from "@/lib/calls/ids";
import { applyFollowUpAction } from "@/lib/follow-ups/actions";
import { followUpActionSchema } from "@/lib/follow-ups/schemas";

// A manager acts on one follow-up: done, reopen, snooze, assign or note.
// Signed-in people only, from this site (the wrapper refuses cross-site changes).
export const POST = apiRoute(
  { auth: "user", params: callIdParams, resource: "call", body: followUpActionSchema },
  async ({ params, body, principal, audit }) => {
    const { before, after } = await applyFollowUpAction(params.id, body, principal.id);
    await audit({ action: `follow-up.${body.action}`, target: { type: "call", id: params.id }, before, after });
    return after;
  },
);
