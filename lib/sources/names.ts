import { db } from "@/lib/db/client";

/** Every source's slug and name, by name: the choices of a filter by source. */
export function sourceNames(): Promise<{ slug: string; name: string }[]> {
  return db.source.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}

/** Every source's id and name, by name: the sources a destination's rules can pick. */
export function sourceChoices(): Promise<{ id: string; name: string }[]> {
  return db.source.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
