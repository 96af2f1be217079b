import Link from "next/link";
import { Suspense } from "react";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { LocalTime } from "@/components/ui/local-time";
import { listHref, OlderLink } from "@/components/ui/older-link";
import { ListSkeleton } from "@/components/ui/skeleton";
import { changes, shown } from "@/lib/audit/diff";
import { auditActions, auditQuerySchema, listAudit, type AuditQuery } from "@/lib/audit/log";
import { requireViewer } from "@/lib/auth/session";
import { totalText } from "@/lib/lists/total";
import { expiredCursor } from "@/lib/calls/cursor";

export const metadata = { title: "Audit log · Call Analytics" };

const ACTION_TEXT: Record<string, string> = {
  "source.create": "Connected a source",
  "source.update": "Changed a source",
  "source.delete": "Deleted a source",
  "source.rotate_secret": "Rotated a source's secret",
  "source.test_event": "Sent a test event",
  "destination.create": "Added a destination",
  "destination.update": "Changed a destination",
  "destination.delete": "Deleted a destination",
  "destination.test": "Sent a test to a destination",
  "delivery.replay": "Replayed a delivery",
  "scoring.update": "Changed scoring",
  "talk_metrics.backfill": "Recomputed talk metrics",
  "raw_events.replay": "Replayed raw events",
  "user.create": "Added a user",
  "user.update": "Changed a user",
  "user.password_reset": "Gave a new password",
  "api_key.create": "Created an API key",
  "api_key.revoke": "Revoked an API key",
  "account.password": "Changed their own password",
  "account.sign_out_everywhere": "Signed out everywhere",
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireViewer("admin", "/admin/audit");
  const query = auditQuerySchema.safeParse(await searchParams).data ?? auditQuerySchema.parse({});
  const actions = await auditActions();

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-slate-600">Every change an admin made, newest first, with what it was before and after. Secrets are never shown.</p>
      </div>
      <FilterBar key={`filters ${query.action ?? ""} ${query.actor ?? ""}`} label="Filter the audit log" action="/admin/audit">
        <FilterSelect
          label="Action"
          name="action"
          value={query.action}
          any="All actions"
          options={actions.map((a) => ({ value: a, label: ACTION_TEXT[a] ?? a }))}
        />
        <Field label="Who">
          <input name="actor" defaultValue={query.actor ?? ""} placeholder="email" className="input block" />
        </Field>
      </FilterBar>
      <Suspense key={JSON.stringify(query)} fallback={<ListSkeleton label="Loading the audit log" />}>
        <AuditEntries query={query} />
      </Suspense>
    </div>
  );
}

async function AuditEntries({ query }: { query: AuditQuery }) {
  const page = await listAudit(query).catch(expiredCursor);
  const filters = { action: query.action, actor: query.actor };
  return (
    <>
      {page && page.items.length > 0 && (
        <p className="text-sm text-slate-600" data-testid="list-total">
          {totalText(page.total, "entry", "entries")}
        </p>
      )}
      {!page ? (
        <EmptyState title="This page link has expired">
          <Link href={listHref("/admin/audit", filters)} className="text-indigo-700 underline">
            Start again from the newest entries
          </Link>
          .
        </EmptyState>
      ) : page.items.length === 0 ? (
        <EmptyState>Nothing recorded{query.action || query.actor ? " for these filters" : " yet"}.</EmptyState>
      ) : (
        <DataTable columns={["When", "Who", "What", "Changes"]}>
          {page.items.map((e) => (
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
        </DataTable>
      )}
      <OlderLink path="/admin/audit" filters={filters} cursor={page?.nextCursor ?? null}>
        Older entries
      </OlderLink>
    </>
  );
}
