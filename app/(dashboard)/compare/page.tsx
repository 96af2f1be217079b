import { Suspense } from "react";
import { CompareTable } from "@/components/compare/compare-table";
import { CompareTabs } from "@/components/compare/compare-tabs";
import { PeriodPicker } from "@/components/overview/period-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { requireViewer } from "@/lib/auth/session";
import { getCompare } from "@/lib/stats/compare";
import { COMPARE_BYS, COMPARE_PERIODS, type CompareBy } from "@/lib/stats/compare-schema";

export const metadata = { title: "Compare · Call Analytics" };

const isBy = (v: unknown): v is CompareBy => (COMPARE_BYS as readonly unknown[]).includes(v);
const NOUN: Record<CompareBy, string> = { vendor: "vendors", agent: "agents", campaign: "campaigns", source: "sources" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ by?: string; days?: string }> }) {
  const search = await searchParams;
  const by = isBy(search.by) ? search.by : "vendor";
  const days = (COMPARE_PERIODS as readonly number[]).includes(Number(search.days)) ? Number(search.days) : 30;
  await requireViewer("manager", `/compare?by=${by}&days=${days}`);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Compare</h1>
        <PeriodPicker current={days} path={`/compare?by=${by}`} />
      </div>
      <CompareTabs current={by} days={days} />
      <Suspense key={`${by}-${days}`} fallback={<ListSkeleton label={`Loading ${NOUN[by]}`} />}>
        <CompareData by={by} days={days} />
      </Suspense>
    </div>
  );
}

async function CompareData({ by, days }: { by: CompareBy; days: number }) {
  const answer = await getCompare({ by, days });
  return (
    <>
      {answer.rows.length === 0 ? (
        <EmptyState title="No calls in this period">No calls in the last {days} days to compare. Calls appear here as vendors report them.</EmptyState>
      ) : (
        <CompareTable by={by} rows={answer.rows} from={answer.from} to={answer.to} />
      )}
      <p className="text-xs text-slate-500">
        Days are days in {answer.timeZone.replaceAll("_", " ")}, from {answer.from} to {answer.to}, against {answer.previousFrom} to {answer.previousTo}. Costs
        in different currencies are never added together: a {by === "vendor" ? "vendor" : by} with costs in several currencies has a row per currency.
      </p>
    </>
  );
}
