import Link from "next/link";
import { InboxTable } from "@/components/admin/inbox-table";
import { buttonClass } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { inboxQuerySchema, listInbox, RAW_STATUSES } from "@/lib/inbox/events";

export const metadata = { title: "Inbox · Call Analytics" };

type Search = Record<string, string | undefined>;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireViewer("admin", "/admin/inbox");
  const search = await searchParams;
  const query = inboxQuerySchema.safeParse(search).data ?? inboxQuerySchema.parse({});
  const [{ items, nextCursor }, sources] = await Promise.all([
    listInbox(query),
    db.source.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  const older = new URLSearchParams({ ...(query.source ? { source: query.source } : {}), ...(query.status ? { status: query.status } : {}) });
  if (nextCursor) older.set("cursor", nextCursor);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Inbox</h1>
        <p className="text-sm text-slate-600">
          Every request the sources sent, exactly as received, newest first. Events that could not be mapped stay here; replay them once
          the adapter or the source is fixed.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter events">
        <label className="text-sm text-slate-600">
          Source
          <select name="source" defaultValue={query.source ?? ""} className="input mt-1 block">
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm text-slate-600">
          Status
          <select name="status" defaultValue={query.status ?? ""} className="input mt-1 block">
            <option value="">Any status</option>
            {RAW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
      </form>
      {items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-600">
          No events match these filters.
        </div>
      ) : (
        <InboxTable
          key={JSON.stringify(query)}
          rows={items.map((e) => ({
            id: e.id,
            receivedAt: e.receivedAt.toISOString(),
            sourceName: e.source.name,
            method: e.method,
            status: e.status,
            error: e.error,
            callId: e.callId,
          }))}
        />
      )}
      {nextCursor && (
        <Link href={`/admin/inbox?${older}`} className={buttonClass("secondary")}>
          Older events
        </Link>
      )}
    </div>
  );
}
