import Link from "next/link";
import type { AssigneeFilter, FollowUpView } from "@/lib/follow-ups/schemas";

const VIEWS: [FollowUpView, string][] = [
  ["open", "To do"],
  ["snoozed", "Snoozed"],
  ["done", "Done"],
];
const ASSIGNEES: [AssigneeFilter, string][] = [
  ["all", "Everyone's"],
  ["me", "Assigned to me"],
  ["unassigned", "Unassigned"],
];

const tab = (active: boolean) =>
  `rounded-md px-3 py-1.5 text-sm whitespace-nowrap ${active ? "bg-white font-medium text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"}`;

export const queueHref = (view: FollowUpView, assignee: AssigneeFilter, cursor?: string | null) => {
  const params = new URLSearchParams();
  if (view !== "open") params.set("view", view);
  if (assignee !== "all") params.set("assignee", assignee);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/follow-ups?${query}` : "/follow-ups";
};

/** The view (to do, snoozed, done) and whose follow-ups; both live in the URL. */
export function QueueTabs({ view, assignee }: { view: FollowUpView; assignee: AssigneeFilter }) {
  return (
    <div className="flex flex-wrap gap-2">
      <nav className="flex gap-1 overflow-x-auto rounded-lg bg-slate-100 p-1" aria-label="Follow-up views">
        {VIEWS.map(([v, label]) => (
          <Link key={v} href={queueHref(v, assignee)} className={tab(v === view)} aria-current={v === view ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <nav className="flex gap-1 overflow-x-auto rounded-lg bg-slate-100 p-1" aria-label="Whose follow-ups">
        {ASSIGNEES.map(([a, label]) => (
          <Link key={a} href={queueHref(view, a)} className={tab(a === assignee)} aria-current={a === assignee ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
