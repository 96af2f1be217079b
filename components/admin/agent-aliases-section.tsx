import { reapplyState } from "@/lib/agents/reapply";
import { readAgentAliases, seenAgents } from "@/lib/agents/settings";
import { AgentAliasesForm } from "./agent-aliases-form";

/** The settings page's "Agent names" section (admins only: the page checks). */
export async function AgentAliasesSection() {
  const [agents, seen, reapply] = await Promise.all([readAgentAliases(), seenAgents(), reapplyState()]);
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="agents-title">
      <div>
        <h2 id="agents-title" className="text-base font-semibold text-slate-900">
          Agent names
        </h2>
        <p className="text-sm text-slate-600">
          Vendors name the same agent differently (Hooman&apos;s <span className="font-mono">agent_leo</span>, HubTalk&apos;s{" "}
          <span className="font-mono">Leo</span>). Give them one name here and the call list, filters and charts treat them as one agent; each call page still
          shows what the vendor sent. Matching ignores case, spaces, _ and -.
        </p>
      </div>
      <AgentAliasesForm aliases={agents.aliases} seen={seen} reapply={reapply} />
    </section>
  );
}
