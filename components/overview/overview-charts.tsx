"use client";

import { StackedBars, type Series } from "@/components/charts/bar-chart";
import { PROVIDER_NAMES } from "@/components/calls/labels";
import type { Trends } from "@/lib/stats/trends";

const SENTIMENTS: Series[] = [
  { key: "positive", label: "Positive", color: "#10b981" },
  { key: "neutral", label: "Neutral", color: "#94a3b8" },
  { key: "mixed", label: "Mixed", color: "#f59e0b" },
  { key: "negative", label: "Negative", color: "#f43f5e" },
  { key: "none", label: "Not rated", color: "#e2e8f0" },
];

const OUTCOMES: Series[] = [
  { key: "meeting_scheduled", label: "Meeting scheduled", color: "#059669" },
  { key: "interested", label: "Interested", color: "#34d399" },
  { key: "callback_requested", label: "Callback requested", color: "#38bdf8" },
  { key: "not_interested", label: "Not interested", color: "#f43f5e" },
  { key: "no_answer", label: "No answer", color: "#cbd5e1" },
  { key: "voicemail", label: "Voicemail", color: "#a78bfa" },
  { key: "busy", label: "Busy", color: "#fbbf24" },
  { key: "failed", label: "Failed", color: "#64748b" },
  { key: "other", label: "Other", color: "#e2e8f0" },
];

function Panel({ title, children, className = "" }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      <h2 className="mb-3 text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

const dayLink = (day: string, param: string, value: string) => `/calls?from=${day}&to=${day}${value === "none" ? "" : `&${param}=${value}`}`;

export function OverviewCharts({ trends }: { trends: Trends }) {
  const period = `from=${trends.from}&to=${trends.to}`;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title="Calls by day, by sentiment">
        <StackedBars data={trends.byDaySentiment} series={SENTIMENTS} xKey="day" href={(row, key) => dayLink(String(row.day), "sentiment", key)} />
      </Panel>
      <Panel title="Outcomes by day">
        <StackedBars
          data={trends.byDayOutcome}
          series={OUTCOMES.filter((o) => trends.byDayOutcome.some((d) => o.key in d))}
          xKey="day"
          href={(row, key) => dayLink(String(row.day), "outcome", key)}
        />
      </Panel>
      <Panel title="Calls by vendor">
        <StackedBars
          data={trends.byProvider.map((p) => ({ ...p, name: PROVIDER_NAMES[p.provider] ?? p.provider }))}
          series={[{ key: "calls", label: "Calls", color: "#6366f1" }]}
          xKey="name"
          layout="vertical"
          height={Math.max(160, trends.byProvider.length * 40)}
          href={(row) => `/calls?${period}&provider=${row.provider}`}
        />
      </Panel>
      <Panel title="Calls by campaign (top 10)">
        {trends.byCampaign.length === 0 ? (
          <p className="py-10 text-center text-sm text-slate-500">No calls with a campaign in this period.</p>
        ) : (
          <StackedBars
            data={trends.byCampaign.map((c) => ({ ...c, name: c.campaign.length > 18 ? `${c.campaign.slice(0, 17)}…` : c.campaign }))}
            series={[{ key: "calls", label: "Calls", color: "#0ea5e9" }]}
            xKey="name"
            layout="vertical"
            height={Math.max(160, trends.byCampaign.length * 32)}
            href={(row) => `/calls?${period}&campaign=${encodeURIComponent(String(row.campaign))}`}
          />
        )}
      </Panel>
    </div>
  );
}
