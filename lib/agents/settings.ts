import { db } from "@/lib/db/client";
import type { CallColumns } from "@/lib/db/columns";
import { aliasMap, agentAliasesSchema, type AgentAliases, type AliasMap } from "./aliases";

// The agent aliases (./aliases.ts) as saved in the settings table under "agents".

/** How long a process keeps using aliases it read; re-applying waits this long before it starts. */
export const AGENTS_CACHE_MS = 5_000;

let cached: { at: number; map: AliasMap } | null = null;

export async function readAgentAliases(): Promise<AgentAliases> {
  const row = await db.setting.findUnique({ where: { key: "agents" } });
  const parsed = agentAliasesSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { aliases: [] };
}

/** The aliases as this process applies them to new calls (read at most every few seconds). */
export async function currentAliasMap(): Promise<AliasMap> {
  if (!cached || Date.now() - cached.at > AGENTS_CACHE_MS) cached = { at: Date.now(), map: aliasMap(await readAgentAliases()) };
  return cached.map;
}

export interface SeenAgent {
  provider: string;
  name: string;
  /** What lists show for it now (an alias, or the name itself). */
  agent: string | null;
  calls: number;
}

/** Agent names and ids as vendors sent them, most calls first: what an admin maps. */
export async function seenAgents(limit = 200): Promise<SeenAgent[]> {
  const rows = await db.$queryRaw<(Pick<CallColumns, "provider"> & { name: string; agent: string | null; calls: number })[]>`
    SELECT provider, COALESCE(agent_name_raw, agent_id) AS name, max(agent_name) AS agent, count(*)::int AS calls
    FROM calls WHERE COALESCE(agent_name_raw, agent_id) IS NOT NULL
    GROUP BY 1, 2 ORDER BY calls DESC, name LIMIT ${limit}`;
  return rows;
}
