import { db } from "@/lib/db/client";
import { mailConfigured } from "@/lib/mail/send";
import { DESTINATION_KIND_LABEL } from "@/lib/destinations/kinds/catalog";
import { ALERT_KIND_IDS } from "@/lib/destinations/kinds/lookup";

// What the rule form offers a user: their own and shared saved views, the
// trackers, the sources, and the destinations that take alerts (names only:
// their settings stay with admins).

export async function ruleOptions(userId: string, admin: boolean) {
  const [views, trackers, sources, destinations] = await Promise.all([
    db.savedView.findMany({
      where: { OR: [{ ownerId: userId }, { shared: true }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, shared: true, ownerId: true },
    }),
    db.tracker.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.source.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    // Admins only (lib/alerts/manage.ts checkDestinationsAllowed).
    admin ? db.destination.findMany({ where: { kind: { in: ALERT_KIND_IDS } }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } }) : [],
  ]);
  return {
    views: views.map((v) => ({ id: v.id, name: v.name, shared: v.shared, mine: v.ownerId === userId })),
    trackers,
    sources,
    destinations: destinations.map((d) => ({ id: d.id, name: d.name, kindLabel: DESTINATION_KIND_LABEL[d.kind] ?? d.kind })),
    mailConfigured: mailConfigured(),
    admin,
  };
}
