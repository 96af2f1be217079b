import { db } from "@/lib/db/client";
import { viewFilters } from "@/lib/views/filters";
import type { Metric } from "./catalog";
import type { MetricScope } from "./metrics";

// What a rule counts: its saved view's filters (one its owner can see: their
// own or a shared one; none: every call), and the tracker or source it names.
// Read again at each evaluation: a view unshared, a tracker deleted since the
// rule was saved is a reason to skip the rule, said on the Alerts page.

export interface RuleRefs {
  ownerId: string;
  metric: string;
  viewId: string | null;
  trackerId: string | null;
  sourceId: string | null;
}

export interface ScopeNames {
  viewName: string | null;
  /** The view's page and query string, for links to its calls. */
  viewQuery: string | null;
  viewPage: string | null;
  trackerName: string | null;
  sourceName: string | null;
}

export type Resolved = { ok: true; scope: MetricScope; names: ScopeNames } | { ok: false; error: string; names: ScopeNames };

const EVERY_CALL = viewFilters({ page: "calls", query: "" });

export async function resolveScope(rule: RuleRefs): Promise<Resolved> {
  const [view, tracker, source] = await Promise.all([
    rule.viewId ? db.savedView.findUnique({ where: { id: rule.viewId }, select: { name: true, page: true, query: true, shared: true, ownerId: true } }) : null,
    rule.trackerId ? db.tracker.findUnique({ where: { id: rule.trackerId }, select: { name: true } }) : null,
    rule.sourceId ? db.source.findUnique({ where: { id: rule.sourceId }, select: { name: true } }) : null,
  ]);
  const names: ScopeNames = {
    viewName: view?.name ?? null,
    viewQuery: view?.query ?? null,
    viewPage: view?.page ?? null,
    trackerName: tracker?.name ?? null,
    sourceName: source?.name ?? null,
  };
  const fail = (error: string): Resolved => ({ ok: false, error, names });
  if (rule.viewId && !view) return fail("Its saved view was deleted.");
  if (view && view.ownerId !== rule.ownerId && !view.shared) return fail(`The view '${view.name}' is no longer shared with its owner.`);
  if (rule.metric === "tracker_mentions" && !tracker) return fail("Its tracker was deleted.");
  if (rule.metric === "source_silence" && !source) return fail("Its source was deleted.");
  const filters = view ? viewFilters(view) : EVERY_CALL;
  if (!filters.ok) return fail(`The view '${view?.name}' has filters that no longer work: ${filters.error}`);
  return { ok: true, scope: { metric: rule.metric as Metric, filters: filters.filters, trackerId: rule.trackerId, sourceId: rule.sourceId }, names };
}
