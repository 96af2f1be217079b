"use client";

import { StackedBars, type Series } from "@/components/charts/bar-chart";
import { PROVIDER_NAMES } from "@/components/calls/labels";
import type { Trends } from "@/lib/stats/trends";

// Every series reaches 3:1 against the white panel (WCAG 1.4.11); legend text is dark, not the series colour.
const SENTIMENTS: Series[] = [
  { key: "positive", label: "Positive", color: "#059669" },
  { key: "neutral", label: "Neutral", color: "#475569" },
  { key: "mixed", label: "Mixed", color: "#d97706" },
  { key: "negative", label: "Negative", color: "#e11d48" },
  { key: "none", label: "Not rated", color: "#878f9c" },
];

const OUTCOMES: Series[] = [
  { key: "meeting_scheduled", label: "Meeting scheduled", color: "#047857" },
  { key: "interested", label: "Interested", color: "#0d9488" },
  { key: "callback_requested", label: "Callback requested", color: "#0284c7" },
  { key: "not_interested", label: "Not interested", color: "#e11d48" },
  { key: "no_answer", label: "No answer", color: "#878f9c" },
  { key: "voicemail", label: "Voicemail", color: "#7c3aed" },
  { key: "busy", label: "Busy", color: "#d97706" },
  { key: "failed", label: "Failed", color: "#1e293b" },
  { key: "other", label: "Other", color: "#4f46e5" },
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
          <p className="py-10 text-center text-sm text-slate-600">No calls with a campaign in this period.</p>
        ) : (
          <StackedBars
            data={trends.byCampaign.map((c) => ({ ...c, name: c.campaign.length > 18 ? `${c.campaign.slice(0, 17)}…` : c.campaign }))}
            series={[{ key: "calls", label: "Calls", color: "#0284c7" }]}
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
