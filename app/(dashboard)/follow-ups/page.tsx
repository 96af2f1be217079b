import { cookies } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { FollowUpCard } from "@/components/follow-ups/follow-up-card";
import { QueueTabs, queueHref } from "@/components/follow-ups/queue-tabs";
import { TimeZoneCookie } from "@/components/follow-ups/time-zone-cookie";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { requireViewer } from "@/lib/auth/session";
import { expiredCursor } from "@/lib/calls/cursor";
import { assignableUsers } from "@/lib/follow-ups/actions";
import { DAY_GROUP_TITLES, groupByDay } from "@/lib/follow-ups/day-groups";
import { listFollowUps } from "@/lib/follow-ups/query";
import { COUNT_CAP } from "@/lib/lists/total";
import { followUpQuerySchema, type FollowUpQuery } from "@/lib/follow-ups/schemas";
import { isTimeZone, readTimeZone } from "@/lib/settings/time-zone";

export const metadata = { title: "Follow-ups · Call Analytics" };

export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Checked before anything streams, so a signed-out visitor gets a real redirect (a route-level
  // loading.tsx would start the answer first); the queue streams in behind its skeleton.
  const raw = await searchParams;
  const parsed = followUpQuerySchema.safeParse({ view: raw.view, assignee: raw.assignee, cursor: raw.cursor });
  const query = parsed.success ? parsed.data : followUpQuerySchema.parse({});
  // Back to this very view after signing in (a page link's cursor may have expired by then).
  const viewer = await requireViewer("manager", queueHref(query.view, query.assignee));
  return (
    <Suspense key={`${query.view} ${query.assignee} ${query.cursor ?? ""}`} fallback={<ListSkeleton label="Loading follow-ups" shape="cards" rows={4} />}>
      <FollowUpsQueue viewerId={viewer.id} query={query} />
    </Suspense>
  );
}

async function FollowUpsQueue({ viewerId, query }: { viewerId: string; query: FollowUpQuery }) {
  const cookieZone = (await cookies()).get("tz")?.value;
  const browserZone = cookieZone && isTimeZone(cookieZone) ? cookieZone : null;
  const [timeZone, users, page] = await Promise.all([
    browserZone ?? readTimeZone(),
    assignableUsers(),
    listFollowUps({ ...query, viewerId }).catch(expiredCursor),
  ]);
  const now = new Date();
  const { view, assignee } = query;

  // Counts stop at the cap, as on every list.
  const counted = (n: number) => (!page?.total.exact && n >= COUNT_CAP ? `${COUNT_CAP.toLocaleString("en-US")}+` : n.toLocaleString("en-US"));
  const summary = !page
    ? null
    : view === "open"
      ? `${counted(page.total.count)} to follow up, ${counted(page.total.overdue)} overdue`
      : `${counted(page.total.count)} ${view === "snoozed" ? "snoozed" : "done"}`;

  return (
    <div className="space-y-4">
      <TimeZoneCookie current={browserZone} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Follow-ups</h1>
          {summary && (
            <p className="text-sm text-slate-600" data-testid="follow-up-total">
              {summary}
            </p>
          )}
        </div>
        <QueueTabs view={view} assignee={assignee} />
      </div>
      {!page ? (
        <EmptyState title="This link has expired">
          <Link href={queueHref(view, assignee)} className="text-indigo-700 underline">
            Start again from the first page
          </Link>
        </EmptyState>
      ) : page.items.length === 0 ? (
        <EmptyState title={view === "open" ? "Nothing to follow up" : view === "snoozed" ? "Nothing snoozed" : "Nothing done yet"}>
          {view === "open"
            ? "Callbacks, hot leads and vendors' next steps appear here as calls arrive."
            : view === "snoozed"
              ? "Snoozed follow-ups wait here until their time comes."
              : "Follow-ups you mark done are listed here, newest first."}
        </EmptyState>
      ) : (
        <>
          {(view === "open" ? groupByDay(page.items, now, timeZone) : [{ group: null, items: page.items }]).map((section) => (
            <section key={section.group ?? "all"} aria-labelledby={section.group ? `group-${section.group}` : undefined} className="space-y-3">
              {section.group && (
                <h2 id={`group-${section.group}`} className={`text-sm font-semibold ${section.group === "overdue" ? "text-rose-700" : "text-slate-700"}`}>
                  {DAY_GROUP_TITLES[section.group]}
                </h2>
              )}
              <ul className="space-y-3">
                {section.items.map((item) => (
                  <FollowUpCard key={item.id} item={item} timeZone={timeZone} users={users} />
                ))}
              </ul>
            </section>
          ))}
          <nav className="flex justify-between gap-2" aria-label="Pages">
            {page.prevCursor ? (
              <Link href={queueHref(view, assignee, page.prevCursor)} className={buttonClass("secondary")}>
                Previous page
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor && (
              <Link href={queueHref(view, assignee, page.nextCursor)} className={buttonClass("secondary")}>
                Next page
              </Link>
            )}
          </nav>
          <p className="text-xs text-slate-500">Times in {timeZone.replaceAll("_", " ")}.</p>
        </>
      )}
    </div>
  );
}
