import { apiRoute } from "@/lib/api/route";
import { agentAliasesSchema } from "@/lib/agents/aliases";
import { reapplyState, startReapply } from "@/lib/agents/reapply";
import { readAgentAliases, seenAgents } from "@/lib/agents/settings";
import { saveSetting } from "@/lib/settings/store";

// Agent aliases (admins): which vendor agent names and ids are one agent, the
// names seen so far, and the progress of applying a change to past calls.
export const GET = apiRoute({ auth: "admin" }, async () => ({
  agents: await readAgentAliases(),
  seen: await seenAgents(),
  reapply: await reapplyState(),
}));

export const PUT = apiRoute({ auth: "admin", body: agentAliasesSchema }, async ({ body, audit }) => {
  const before = await readAgentAliases();
  await saveSetting("agents", body);
  const reapply = await startReapply();
  await audit({ action: "agents.update", target: { type: "settings", id: "agents", name: "Agent names" }, before, after: body });
  return Response.json({ agents: body, reapply }, { status: 202 });
});
