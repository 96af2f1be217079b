import { apiRoute } from "@/lib/api/route";
import { contactIdParams } from "@/lib/contacts/ids";
import { readContact } from "@/lib/contacts/read";
import { contactQuerySchema } from "@/lib/contacts/schemas";
import { notFound } from "@/lib/errors";

export const GET = apiRoute({ auth: "reader", params: contactIdParams, query: contactQuerySchema, resource: "contact" }, async ({ params, query }) => {
  const contact = await readContact(params.id, query);
  if (!contact) throw notFound("contact", params.id);
  return contact;
});
