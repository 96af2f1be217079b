import { z } from "zod";
import { publicOrigin } from "@/lib/api/origin";
import { apiRoute } from "@/lib/api/route";
import { connectHint } from "@/lib/sources/console-hints";
import { DEFAULT_GRACE_HOURS, rotateSecret } from "@/lib/sources/manage";

// A new webhook secret, answered once; the old one keeps working for graceHours (24; 0 ends it now).
const body = z.object({
  graceHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .default(DEFAULT_GRACE_HOURS),
});

export const POST = apiRoute({ auth: "admin", body }, async ({ request, params, body, audit }) => {
  const { source, secret, previousValidUntil } = await rotateSecret(params.slug, body.graceHours);
  const webhookUrl = `${publicOrigin(request.headers, request.url)}/api/webhooks/${source.slug}`;
  await audit({ action: "source.rotate_secret", target: { type: "source", id: source.slug, name: source.name }, after: { previousValidUntil } });
  return { slug: source.slug, webhookUrl, secret, previousValidUntil, connect: connectHint(source.provider, webhookUrl, secret) };
});
