import { db } from "@/lib/db/client";
import { fieldErrors, friendlyDetail, type FieldError } from "@/lib/api/friendly-errors";
import { callFiltersSchema } from "@/lib/calls/filters";
import { DomainError } from "@/lib/errors";
import { flatQuery, viewFilters, type ViewLike } from "./filters";

// A view is saved only with filters its page can show: the ones digests and
// alert rules read later through viewFilters(), and trackers that exist.

const LABELS = { q: "Search", provider: "Vendor", minScore: "Minimum score", said: "Said by" };

const invalid = (errors: FieldError[]) =>
  new DomainError("invalid", "Invalid filters", `This view's filters are not valid: ${friendlyDetail(errors)}`, {
    errors: errors.map((e) => ({ ...e, field: `query.${e.field}` })),
  });

/** Throws a 400 that says which filter is wrong. */
export async function checkViewFilters(view: ViewLike): Promise<void> {
  const filters = viewFilters(view);
  if (!filters.ok) {
    // The same parse, for messages that name each filter as the filter row does.
    const parsed = callFiltersSchema.safeParse(flatQuery(view.query));
    throw invalid(parsed.success ? [{ field: "", message: filters.error }] : fieldErrors(parsed.error, LABELS));
  }
  const trackers = filters.filters.tracker ?? [];
  if (trackers.length === 0) return;
  const found = new Set((await db.tracker.findMany({ where: { id: { in: trackers } }, select: { id: true } })).map((t) => t.id));
  const missing = trackers.filter((id) => !found.has(id));
  if (missing.length) throw invalid(missing.map((id) => ({ field: "tracker", message: `No tracker has the id "${id}".` })));
}
