import { apiRoute } from "@/lib/api/route";
import { fieldErrors, friendlyDetail } from "@/lib/api/friendly-errors";
import { DomainError } from "@/lib/errors";
import { getCompareDaily } from "@/lib/stats/compare-daily";
import { compareDailyQuerySchema, searchParamsWithLists } from "@/lib/stats/compare-schema";

// GET /api/stats/compare/daily?by=&values=a&values=b&metric=: those rows' figure by day, for a chart side by side.
// Read here rather than by the wrapper, which keeps one value per name: `values` and `currencies` repeat.
export const GET = apiRoute({ auth: "reader" }, async ({ request }) => {
  const parsed = compareDailyQuerySchema.safeParse(searchParamsWithLists(new URL(request.url).searchParams, ["values", "currencies"]));
  if (!parsed.success) throw new DomainError("invalid", "Invalid query", friendlyDetail(fieldErrors(parsed.error)));
  return getCompareDaily(parsed.data);
});
