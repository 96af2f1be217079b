import { db } from "@/lib/db/client";

/** Every source's id, slug and name, by name: the choices of a filter by source, or of a destination's rules. */
export function sourceNames(): Promise<{ id: string; slug: string; name: string }[]> {
  return db.source.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } });
}
