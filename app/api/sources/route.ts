import { publicOrigin } from "@/lib/api/origin";
import { apiRoute } from "@/lib/api/route";
import { connectHint } from "@/lib/sources/console-hints";
import { connectSourceInput } from "@/lib/sources/connect-input";
import { listSourceHealth } from "@/lib/sources/health";
import { createSource } from "@/lib/sources/manage";

// Every source with its health (admins); POST connects a new one and answers
// its webhook URL and secret, once, with where to paste them in the vendor's console.
export const GET = apiRoute({ auth: "admin" }, async () => ({ sources: await listSourceHealth() }));

export const POST = apiRoute({ auth: "admin", body: connectSourceInput }, async ({ request, body, audit }) => {
  const { source, secret } = await createSource(body);
  const webhookUrl = `${publicOrigin(request.headers, request.url)}/api/webhooks/${source.slug}`;
  await audit({
    action: "source.create",
    target: { type: "source", id: source.slug, name: source.name },
    after: { name: source.name, provider: source.provider, slug: source.slug },
  });
  return Response.json(
    { slug: source.slug, name: source.name, provider: source.provider, webhookUrl, secret, connect: connectHint(source.provider, webhookUrl, secret) },
    { status: 201 },
  );
});
