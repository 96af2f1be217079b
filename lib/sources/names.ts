import { db } from "@/lib/db/client";

/** Every source's slug and name, by name: the choices of a filter by source. */
export function sourceNames(): Promise<{ slug: string; name: string }[]> {
  return db.source.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
