import { apiRoute } from "@/lib/api/route";
import { viewActor } from "@/lib/views/actor";
import { createView, listViews } from "@/lib/views/manage";
import { viewInput } from "@/lib/views/schemas";

// Saved views: managers and admins signed in; an API key reads the views of
// the person who created it (a key nobody created reads the shared views
// only). Saving is for people, as every change is: keys only read.
export const GET = apiRoute({ auth: "reader" }, async ({ principal }) => ({ views: await listViews(await viewActor(principal)) }));

export const POST = apiRoute({ auth: "user", body: viewInput }, async ({ body, principal }) => {
  const view = await createView(await viewActor(principal), body);
  return Response.json({ view }, { status: 201 });
});
