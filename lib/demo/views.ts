import { db } from "@/lib/db/client";
import { viewQueryOf } from "@/lib/views/query";

// A few views the demo's admin shares with the team, so that a first look at
// the Views menu (and at a digest's preview) shows what saved views are for.

const DEMO_VIEWS: { name: string; page: "calls" | "hot-leads"; query: string }[] = [
  { name: "Meetings this week", page: "calls", query: "outcome=meeting_scheduled&period=7d" },
  { name: "Spring Promo hot leads", page: "hot-leads", query: "campaign=Spring Promo" },
  { name: "Unhappy customers, 30 days", page: "calls", query: "sentiment=negative&period=30d" },
];

export async function seedDemoViews(ownerId: string): Promise<void> {
  for (const view of DEMO_VIEWS) {
    await db.savedView.upsert({
      where: { ownerId_name: { ownerId, name: view.name } },
      create: { ...view, query: viewQueryOf(view.query), ownerId, shared: true },
      update: {},
    });
  }
}
