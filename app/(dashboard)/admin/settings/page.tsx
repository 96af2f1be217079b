import { AgentAliasesSection } from "@/components/admin/agent-aliases-section";
import { ScoringForm } from "@/components/admin/scoring-form";
import { TimeZoneSection } from "@/components/admin/time-zone-section";
import { requireViewer } from "@/lib/auth/session";
import { rescoreState } from "@/lib/scoring/rescore";
import { readScoring } from "@/lib/scoring/settings";

export const metadata = { title: "Scoring · Call Analytics" };

export default async function ScoringPage() {
  await requireViewer("admin", "/admin/settings");
  const [scoring, rescore] = await Promise.all([readScoring(), rescoreState()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Scoring</h1>
        <p className="text-sm text-slate-600">
          Every call gets a lead score from 0 to 100 from what the vendor reported (interest, outcome, sentiment, its own score, labels, a callback). Changing
          these settings scores past calls again in the background; the charts follow.
        </p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <ScoringForm hotThreshold={scoring.hotThreshold} outcomeMap={scoring.outcomeMap} rescore={rescore} />
      </section>
      <TimeZoneSection />
      <AgentAliasesSection />
    </div>
  );
}
