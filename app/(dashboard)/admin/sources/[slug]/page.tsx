import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { SourceSettingsForm } from "@/components/admin/source-settings-form";
import { TestCallsPanel } from "@/components/admin/test-calls-panel";
import { PROVIDER_NAMES } from "@/components/calls/labels";
import { requireViewer } from "@/lib/auth/session";
import { sourceBySlug } from "@/lib/sources/manage";
import { settingsGroupsOf } from "@/lib/providers/modules";
import { publicSettings } from "@/lib/sources/settings";
import { groupForm } from "@/lib/sources/settings-group";
import { testCallsOf } from "@/lib/sources/test-calls";

export const metadata = { title: "Source settings · Call Analytics" };

export default async function SourceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireViewer("admin", `/admin/sources/${slug}`);
  const source = await sourceBySlug(slug);
  if (!source) notFound();
  const testCalls = await testCallsOf(source.id);
  const value = {
    slug: source.slug,
    name: source.name,
    defaultRegion: source.defaultRegion,
    retention: { recordingDays: source.recordingRetentionDays, transcriptDays: source.transcriptRetentionDays },
    settings: publicSettings(source.settings),
  };
  return (
    <div className="space-y-4">
      <BackLink href="/admin/sources">Sources</BackLink>
      <h1 className="text-xl font-semibold tracking-tight">
        {source.name} <span className="text-base font-normal text-slate-500">{PROVIDER_NAMES[source.provider] ?? source.provider}</span>
      </h1>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <SourceSettingsForm source={value} groups={settingsGroupsOf(source.provider).map(groupForm)} />
      </section>
      <TestCallsPanel slug={source.slug} testCalls={testCalls} />
    </div>
  );
}
