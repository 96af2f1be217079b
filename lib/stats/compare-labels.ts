import { pool } from "@/lib/db/pool";
import { PROVIDER_NAMES } from "@/lib/providers/lookup";
import type { CompareBy } from "./compare-schema";

// What a Compare row is called: the vendor's name, the source's name (the
// rollup keeps its id), the agent or campaign as it is, or "No …" for none;
// and the vendor behind it, where there is one.

const NONE: Record<CompareBy, string> = { vendor: "Unknown vendor", agent: "No agent", campaign: "No campaign", source: "Deleted source" };

export interface RowName {
  label: string;
  provider: string | null;
}

export async function labelsFor(by: CompareBy, keys: string[]): Promise<(key: string) => RowName> {
  if (by === "vendor") return (key) => ({ label: PROVIDER_NAMES[key] ?? (key || NONE.vendor), provider: key || null });
  if (by !== "source") return (key) => ({ label: key || NONE[by], provider: null });
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/i.test(k));
  const { rows } = ids.length
    ? await pool.query<{ id: string; name: string; provider: string }>(`SELECT id::text, name, provider FROM sources WHERE id = ANY($1::uuid[])`, [ids])
    : { rows: [] };
  const sources = new Map(rows.map((r) => [r.id, r]));
  return (key) => {
    const source = sources.get(key);
    return source ? { label: source.name, provider: source.provider } : { label: NONE.source, provider: null };
  };
}
