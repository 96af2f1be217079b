import { z } from "zod";
import { squash } from "@/lib/providers/normalize";

// Agent aliases: admins say which vendor agent names and ids are one agent
// (Hooman's "agent_leo" and HubTalk's "Leo"), so lists, filters and charts
// compare agents across vendors. Pure; stored by ./settings.ts.

export const agentAliasesSchema = z.object({
  aliases: z
    .array(z.object({ raw: z.string().trim().min(1).max(200), agent: z.string().trim().min(1).max(200) }))
    .max(1000)
    .refine((rows) => new Set(rows.map((r) => squash(r.raw))).size === rows.length, "Each vendor agent name may be mapped once."),
});
export type AgentAliases = z.infer<typeof agentAliasesSchema>;

export type AliasMap = Map<string, string>;

export const aliasMap = (settings: AgentAliases): AliasMap => new Map(settings.aliases.map((r) => [squash(r.raw), r.agent]));

/**
 * The agent name lists and filters use: the alias of the vendor's name, else
 * of its id, else the vendor's name as sent. Matching ignores case, spaces, _ and -.
 */
export function resolveAgent(rawName: string | null, rawId: string | null, map: AliasMap): string | null {
  return (rawName ? map.get(squash(rawName)) : undefined) ?? (rawId ? map.get(squash(rawId)) : undefined) ?? rawName;
}
