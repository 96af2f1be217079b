import { describe, expect, it } from "vitest";
import { callDetailSchema } from "@/lib/calls/schemas";
import { contactTimelineSchema } from "@/lib/contacts/schemas";
import { fixture } from "../support/fixtures";
import { api, jsonOf, sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";

// One contact per phone number, with the name, email and company of the
// call's newest event: a vendor resending a call, or sending an older version
// of it late, must not rename the customer.

let last = Math.floor(Math.random() * 9_000);
const phone = () => `+1646555${String(++last).padStart(4, "0")}`;

function event(id: string, customerPhone: string, finishedAt: string, who: { name: string; email: string; company: string }) {
  return {
    ...fixture<Record<string, unknown>>("autocalls/campaign-call.json"),
    id,
    customer_phone: customerPhone,
    created_at: "2026-03-05T10:00:00Z",
    finished_at: finishedAt,
    input_variables: who,
    lead: undefined,
  };
}

/** Who the contact page says the number's contact is. */
async function contactOf(customerPhone: string) {
  const [{ id }] = await sql<{ id: string }>("SELECT id FROM contacts WHERE phone = $1", [customerPhone]);
  const { contact } = contactTimelineSchema.parse(await jsonOf(api(`/api/contacts/${id}`)));
  return { name: contact.name, email: contact.email, company: contact.company };
}
const customerOf = async (callId: string) => callDetailSchema.parse(await (await api(`/api/calls/${callId}`)).json()).customer;

describe("the contact of a call", () => {
  const first = { name: "Dana First", email: "dana@first.example", company: "First Co" };

  it("keeps its name, email and company when the same call comes again or an older version arrives late", async () => {
    const id = uniq("contact");
    const number = phone();
    const sent = await sendWebhook("autocalls", event(id, number, "2026-03-05T10:05:00Z", first));
    expect(sent.status).toBe(202);
    const { callId } = await jsonOf<WebhookAnswer>(sent);

    const resend = await sendWebhook("autocalls", event(id, number, "2026-03-05T10:05:00Z", first));
    expect(resend.status).toBe(200);
    const older = await sendWebhook("autocalls", event(id, number, "2026-03-05T10:03:00Z", { name: "Mallory", email: "m@evil.example", company: "Evil Inc" }));
    expect(older.status).toBe(200);
    expect((await jsonOf<WebhookAnswer>(older)).callId).toBe(callId);

    expect(await contactOf(number)).toEqual(first);
    expect(await customerOf(callId)).toEqual({ phone: number, ...first });
  });

  it("takes them from a newer event of the call", async () => {
    const id = uniq("contact");
    const number = phone();
    const { callId } = await jsonOf<WebhookAnswer>(sendWebhook("autocalls", event(id, number, "2026-03-05T10:05:00Z", first)));
    const newer = { name: "Dana Newer", email: "dana@newer.example", company: "Newer Co" };
    const update = await sendWebhook("autocalls", event(id, number, "2026-03-05T10:09:00Z", newer));
    expect(update.status).toBe(202);

    expect(await contactOf(number)).toEqual(newer);
    expect(await customerOf(callId)).toEqual({ phone: number, ...newer });
  });

  it("is not renamed by another, older call of the same number arriving late, and is by a newer one", async () => {
    const number = phone();
    await sendWebhook("autocalls", { ...event(uniq("contact"), number, "2026-03-05T10:05:00Z", first), created_at: "2026-03-05T10:00:00Z" });
    const stale = {
      ...event(uniq("contact"), number, "2026-02-01T09:05:00Z", { name: "Mallory", email: "m@evil.example", company: "Evil Inc" }),
      created_at: "2026-02-01T09:00:00Z",
    };
    expect((await sendWebhook("autocalls", stale)).status).toBe(202);
    expect(await contactOf(number)).toEqual(first);

    const later = { name: "Dana Later", email: "dana@later.example", company: "Later Co" };
    expect(
      (await sendWebhook("autocalls", { ...event(uniq("contact"), number, "2026-04-01T09:05:00Z", later), created_at: "2026-04-01T09:00:00Z" })).status,
    ).toBe(202);
    expect(await contactOf(number)).toEqual(later);
  });
});
