import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { issueApiKey, listApiKeys } from "@/lib/users/api-keys";

// Read-API keys (admins). The key itself is in the answer to POST, and nowhere else, ever.
export const GET = apiRoute({ auth: "admin" }, async () => ({ keys: await listApiKeys() }));

const body = z.object({
  name: z.string().trim().min(1).max(100),
  /** When the key stops working; absent or null: never. */
  expiresAt: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .refine((d) => d.getTime() > Date.now(), "must be in the future")
    .nullish(),
});

export const POST = apiRoute({ auth: "admin", body }, async ({ body, principal, audit }) => {
  const created = await issueApiKey(body.name, principal.id, body.expiresAt ?? null);
  const expiresAt = created.expiresAt?.toISOString() ?? null;
  await audit({
    action: "api_key.create",
    target: { type: "api_key", id: created.id, name: created.name },
    after: { name: created.name, prefix: created.prefix, expiresAt },
  });
  return Response.json({ id: created.id, name: created.name, prefix: created.prefix, expiresAt, key: created.plainKey }, { status: 201 });
});
