import { apiRoute } from "@/lib/api/route";
import { destinationInput } from "@/lib/destinations/input";
import { createDestination, listDestinations, view } from "@/lib/destinations/manage";

// Where calls are forwarded (admins). Creating a webhook destination answers
// its signing secret once.
export const GET = apiRoute({ auth: "admin" }, async () => ({ destinations: await listDestinations() }));

export const POST = apiRoute({ auth: "admin", body: destinationInput }, async ({ body, audit }) => {
  const { destination, secret } = await createDestination(body);
  const shown = view(destination);
  await audit({ action: "destination.create", target: { type: "destination", id: destination.id, name: destination.name }, after: shown });
  return Response.json({ destination: shown, ...(secret ? { secret } : {}) }, { status: 201 });
});
