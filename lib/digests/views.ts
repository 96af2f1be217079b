import { db } from "@/lib/db/client";

// The saved views a user may put in a digest: their own and the team's shared
// ones. Read from the table itself (lib/views owns the API): a user who has
// saved none gets an empty list, and the digest no view section.

export interface DigestView {
  id: string;
  name: string;
  page: string;
  query: string;
  shared: boolean;
}

export async function visibleViews(userId: string): Promise<DigestView[]> {
  return db.savedView.findMany({
    where: { OR: [{ ownerId: userId }, { shared: true }] },
    select: { id: true, name: true, page: true, query: true, shared: true },
    orderBy: { name: "asc" },
  });
}

/** The chosen views, in the chosen order, among those the user may still see (a view since deleted or unshared drops out). */
export async function chosenViews(userId: string, viewIds: string[]): Promise<DigestView[]> {
  if (viewIds.length === 0) return [];
  const byId = new Map((await visibleViews(userId)).map((v) => [v.id, v]));
  return viewIds.flatMap((id) => byId.get(id) ?? []);
}
