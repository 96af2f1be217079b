import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { changes, shown } from "@/lib/audit/diff";
import { auditActions, auditQuerySchema, listAudit } from "@/lib/audit/log";
import { requireViewer } from "@/lib/auth/session";

export const metadata = { title: "Audit log · Call Analytics" };

const ACTION_TEXT: Record<string, string> = {
  "source.update": "Changed a source",
  "raw_events.replay": "Replayed raw events",
  "user.create": "Added a user",
  "user.update": "Changed a user",
  "user.password_reset": "Gave a new password",
  "api_key.create": "Created an API key",
  "api_key.revoke": "Revoked an API key",
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireViewer("admin", "/admin/audit");
  const query = auditQuerySchema.safeParse(await searchParams).data ?? auditQuerySchema.parse({});
  const [{ items, nextCursor }, actions] = await Promise.all([listAudit(query), auditActions()]);
  const older = new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(query.actor ? { actor: query.actor } : {}) });
  if (nextCursor) older.set("cursor", nextCursor);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-slate-600">Every change an admin made, newest first, with what it was before and after. Secrets are never shown.</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="text-sm text-slate-600">
          Action
          <select name="action" defaultValue={query.action ?? ""} className="input mt-1 block">
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {ACTION_TEXT[a] ?? a}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm text-slate-600">
          Who
          <input name="actor" defaultValue={query.actor ?? ""} placeholder="email" className="input mt-1 block" />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
      </form>
      {items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-600">
          Nothing recorded{query.action || query.actor ? " for these filters" : " yet"}.
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">When</th>
                <th className="px-4 py-2">Who</th>
                <th className="px-4 py-2">What</th>
                <th className="px-4 py-2">Changes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((e) => (
                <tr key={e.id} data-testid="audit-row" className="align-top">
                  <td className="px-4 py-2 whitespace-nowrap">
                    <LocalTime iso={e.at.toISOString()} />
                  </td>
                  <td className="px-4 py-2">{e.actorEmail}</td>
                  <td className="px-4 py-2">
                    {ACTION_TEXT[e.action] ?? e.action}
                    {e.targetName && <span className="text-slate-500"> · {e.targetName}</span>}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">
                    <ul className="space-y-0.5">
                      {changes(e.before, e.after).map((c) => (
                        <li key={c.path}>
                          <span className="text-slate-500">{c.path}</span>: {e.before === null ? shown(c.after) : `${shown(c.before)} → ${shown(c.after)}`}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <Link href={`/admin/audit?${older}`} className={buttonClass("secondary")}>
          Older entries
        </Link>
      )}
    </div>
  );
}
