import { AgentAliasesSection } from "@/components/admin/agent-aliases-section";
import { ScoringForm } from "@/components/admin/scoring-form";
import { TalkMetricsPanel } from "@/components/admin/talk-metrics-panel";
import { TimeZoneSection } from "@/components/admin/time-zone-section";
import { metricsBackfillState } from "@/lib/calls/metrics/backfill";
import { requireViewer } from "@/lib/auth/session";
import { rescoreState } from "@/lib/scoring/rescore";
import { readScoring } from "@/lib/scoring/settings";

export const metadata = { title: "Settings · Call Analytics" };

export default async function SettingsPage() {
  await requireViewer("admin", "/admin/settings");
  const [scoring, rescore, metricsBackfill] = await Promise.all([readScoring(), rescoreState(), metricsBackfillState()]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Settings</h1>
      <section aria-labelledby="scoring-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div>
          <h2 id="scoring-heading" className="font-semibold text-slate-900">
            Scoring
          </h2>
          <p className="text-sm text-slate-600">
            Every call gets a lead score from 0 to 100 from what the vendor reported (interest, outcome, sentiment, its own score, labels, a callback). Changing
            these settings scores past calls again in the background; the charts follow.
          </p>
        </div>
        <ScoringForm hotThreshold={scoring.hotThreshold} outcomeMap={scoring.outcomeMap} rescore={rescore} />
      </section>
      <TimeZoneSection />
      <AgentAliasesSection />
      <TalkMetricsPanel initial={metricsBackfill} />
    </div>
  );
}
