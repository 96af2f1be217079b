import { apiRoute } from "@/lib/api/route";
import { sendDigestNow } from "@/lib/digests/due";

// "Send now": queued like a scheduled digest, under a period of its own; the
// page follows it through GET /api/account/digest.
export const POST = apiRoute({ auth: "user" }, async ({ principal }) => Response.json({ id: await sendDigestNow(principal.id) }, { status: 202 }));
