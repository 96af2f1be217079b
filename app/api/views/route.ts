import { apiRoute } from "@/lib/api/route";
import { viewActor } from "@/lib/views/actor";
import { createView, listViews } from "@/lib/views/manage";
import { viewInput } from "@/lib/views/schemas";

// Saved views: managers and admins signed in, or an API key acting as the
// person who created it (a key nobody created reads the shared views only).
export const GET = apiRoute({ auth: "reader" }, async ({ principal }) => ({ views: await listViews(await viewActor(principal)) }));

export const POST = apiRoute({ auth: "reader", body: viewInput }, async ({ body, principal }) => {
  const view = await createView(await viewActor(principal), body);
  return Response.json({ view }, { status: 201 });
});
