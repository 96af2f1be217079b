import { contactSummary } from "./summary";
import { contactTimeline } from "./timeline";
import type { ContactTimeline } from "./schemas";

/** GET /api/contacts/{id}: the contact and one page of its timeline; null when there is no such contact. */
export async function readContact(id: string, opts: { cursor?: string; limit?: number } = {}): Promise<ContactTimeline | null> {
  const [contact, timeline] = await Promise.all([contactSummary(id), contactTimeline(id, opts)]);
  return contact ? { contact, timeline } : null;
}
