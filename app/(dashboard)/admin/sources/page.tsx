import { headers } from "next/headers";
import { PROVIDER_NAMES } from "@/components/calls/labels";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { requireViewer } from "@/lib/auth/session";
import { listSourceOverview } from "@/lib/sources/overview";

export const metadata = { title: "Sources · Call Analytics" };

const STATUS_TONE = { stored: "green", duplicate: "gray", rejected: "amber", failed: "red", received: "blue" } as const;

export default async function SourcesPage() {
  await requireViewer("admin", "/admin/sources");
  const [sources, h] = await Promise.all([listSourceOverview(), headers()]);
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Sources</h1>
      <p className="text-sm text-slate-600">
        Each vendor posts its calls to the source&apos;s webhook URL, with the source&apos;s secret as <code>Authorization: Bearer</code>,{" "}
        <code>X-Webhook-Secret</code> or <code>?token=</code>.
      </p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Source</th>
              <th className="px-4 py-3">Webhook URL</th>
              <th className="px-4 py-3">Last delivery</th>
              <th className="px-4 py-3">Last 24 hours</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sources.map((s) => (
              <tr key={s.id}>
                <td className="px-4 py-3">
                  <div className="font-medium text-slate-900">{s.name}</div>
                  <div className="text-xs text-slate-500">
                    {s.slug}
                    {s.name !== PROVIDER_NAMES[s.provider] && <> · {PROVIDER_NAMES[s.provider] ?? s.provider}</>}{" "}
                    {!s.enabled && <Badge tone="red">Disabled</Badge>}
                  </div>
                </td>
                <td className="px-4 py-3 font-mono text-xs text-slate-700">
                  {origin}/api/webhooks/{s.slug}
                </td>
                <td className="px-4 py-3 text-slate-600">{s.lastEventAt ? <LocalTime iso={s.lastEventAt.toISOString()} /> : "Never"}</td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap gap-1">
                    {Object.keys(s.last24h).length === 0 && <span className="text-slate-400">Nothing</span>}
                    {Object.entries(s.last24h).map(([status, n]) => (
                      <Badge key={status} tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? "gray"}>
                        {n} {status}
                      </Badge>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
