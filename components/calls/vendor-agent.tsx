import type { CallDetail } from "@/lib/calls/schemas";

/**
 * The agent as the vendor named it, when an admin's alias shows it under
 * another name, so the vendor's own name or id stays findable on the call.
 */
export function VendorAgent({ call }: { call: Pick<CallDetail, "agent" | "vendorAgentName" | "agentId"> }) {
  const raw = [call.vendorAgentName, call.agentId].filter((v, i, all): v is string => Boolean(v) && v !== call.agent && all.indexOf(v) === i);
  if (!call.agent || raw.length === 0) return null;
  return (
    <span data-testid="vendor-agent" className="text-slate-500">
      (vendor&apos;s agent {raw.join(" · ")})
    </span>
  );
}
