import { uuidParams } from "@/lib/api/ids";
import { apiRoute } from "@/lib/api/route";
import { deleteRule, updateRule } from "@/lib/alerts/manage";
import { ruleChange } from "@/lib/alerts/schemas";

// One alert rule: its owner or an admin changes or deletes it; to anyone else it does not exist.
export const PATCH = apiRoute({ auth: "user", params: uuidParams, resource: "alert rule", body: ruleChange }, async ({ principal, params, body, audit }) => {
  const { before, after } = await updateRule(principal, params.id, body);
  await audit({ action: "alert_rule.update", target: { type: "alert_rule", id: after.id, name: after.name }, before, after });
  return { rule: after };
});

// Its alerts go with it.
export const DELETE = apiRoute({ auth: "user", params: uuidParams, resource: "alert rule" }, async ({ principal, params, audit }) => {
  const removed = await deleteRule(principal, params.id);
  await audit({ action: "alert_rule.delete", target: { type: "alert_rule", id: removed.id, name: removed.name }, before: removed });
  return { deleted: removed.id };
});
