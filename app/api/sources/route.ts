import { z } from "zod";
import { publicOrigin } from "@/lib/api/origin";
import { apiRoute } from "@/lib/api/route";
import { providerIdSchema } from "@/lib/providers/modules";
import { connectHint } from "@/lib/sources/console-hints";
import { listSourceHealth } from "@/lib/sources/health";
import { createSource } from "@/lib/sources/manage";

// Every source with its health (admins); POST connects a new one and answers
// its webhook URL and secret, once, with where to paste them in the vendor's console.
export const GET = apiRoute({ auth: "admin" }, async () => ({ sources: await listSourceHealth() }));

const body = z.object({
  name: z.string().trim().min(1).max(100),
  provider: providerIdSchema,
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "lowercase letters, digits and dashes")
    .optional(),
  defaultRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, "two capital letters, e.g. US")
    .optional(),
});

export const POST = apiRoute({ auth: "admin", body }, async ({ request, body, audit }) => {
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
