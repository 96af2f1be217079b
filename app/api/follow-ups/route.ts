import { apiRoute } from "@/lib/api/route";
import { listFollowUps } from "@/lib/follow-ups/query";
import { followUpQuerySchema } from "@/lib/follow-ups/schemas";

// The follow-up queue: managers and admins signed in, or an API key (for which "me" matches nobody: a key is not a person).
export const GET = apiRoute({ auth: "reader", query: followUpQuerySchema }, async ({ query, principal }) => {
  const viewerId = principal.kind === "user" ? principal.id : null;
  return listFollowUps({ ...query, viewerId });
});
