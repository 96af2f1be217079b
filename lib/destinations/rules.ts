import { z } from "zod";
import { OUTCOMES, type Outcome } from "@/lib/providers/values";

// Which calls a destination receives. All conditions must hold; an empty list
// means "any". Source alerts go only where `alerts` is on (the admin form
// offers it for the kinds that take alerts).

export const rulesSchema = z.object({
  /** all: every finished call; hot: hot leads only; none: no calls (alerts only, say). */
  calls: z.enum(["all", "hot", "none"]).default("hot"),
  outcomes: z.array(z.enum(OUTCOMES)).default([]),
  minScore: z.int().min(0).max(100).nullable().default(null),
  sourceIds: z.array(z.uuid()).default([]),
  alerts: z.boolean().default(false),
  /** A call already sent is sent again when a reviewer corrects it (event type call.updated). */
  updates: z.boolean().default(false),
});
export type Rules = z.infer<typeof rulesSchema>;

export const readRules = (stored: unknown): Rules => rulesSchema.parse(stored ?? {});

export interface RuleFacts {
  sourceId: string;
  outcome: Outcome | null;
  leadScore: number;
  isHot: boolean;
}

export function ruleMatches(rules: Rules, call: RuleFacts): boolean {
  if (rules.calls === "none") return false;
  if (rules.calls === "hot" && !call.isHot) return false;
  if (rules.outcomes.length > 0 && (!call.outcome || !rules.outcomes.includes(call.outcome))) return false;
  if (rules.minScore !== null && call.leadScore < rules.minScore) return false;
  if (rules.sourceIds.length > 0 && !rules.sourceIds.includes(call.sourceId)) return false;
  return true;
}

/** The rules in words, for the destinations list. */
export function describeRules(rules: Rules, sourceName: (id: string) => string): string {
  const parts: string[] = [];
  if (rules.calls === "none") parts.push("no calls");
  else parts.push(rules.calls === "hot" ? "hot leads" : "every call");
  if (rules.calls !== "none") {
    if (rules.outcomes.length) parts.push(`outcome ${rules.outcomes.join(" or ").replaceAll("_", " ")}`);
    if (rules.minScore !== null) parts.push(`score ≥ ${rules.minScore}`);
    if (rules.sourceIds.length) parts.push(`from ${rules.sourceIds.map(sourceName).join(", ")}`);
  }
  if (rules.calls !== "none" && rules.updates) parts.push("with corrections");
  if (rules.alerts) parts.push("source alerts");
  return parts.join(" · ");
}
