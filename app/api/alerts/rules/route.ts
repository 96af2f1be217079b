import { apiRoute } from "@/lib/api/route";
import { createRule, listRules } from "@/lib/alerts/manage";
import { ruleInput } from "@/lib/alerts/schemas";

// Metric alert rules: managers see and create their own; admins see everyone's, with their owners.
export const GET = apiRoute({ auth: "user" }, async ({ principal }) => ({ rules: await listRules(principal) }));

export const POST = apiRoute({ auth: "user", body: ruleInput }, async ({ principal, body, audit }) => {
  const rule = await createRule(principal, body);
  await audit({ action: "alert_rule.create", target: { type: "alert_rule", id: rule.id, name: rule.name }, after: rule });
  return Response.json({ rule }, { status: 201 });
});
