import { visibleViews } from "@/lib/digests/views";
import { slackDestinations } from "@/lib/digests/slack-target";
import { readDigestSettings, recentSends } from "@/lib/digests/subscription";
import { mailConfigured } from "@/lib/mail/send";
import { DigestForm } from "./digest-form";

/** The Account page's "Daily digest" section (a server component: it reads the settings, views and destinations). */
export async function DigestSection({ userId, email, timeZone, admin }: { userId: string; email: string; timeZone: string; admin: boolean }) {
  const [settings, sends, views, slack] = await Promise.all([readDigestSettings(userId), recentSends(userId), visibleViews(userId), slackDestinations(admin)]);
  return (
    <section id="digest" aria-labelledby="digest-heading" className="scroll-mt-20 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="digest-heading" className="mb-1 font-medium">
        Daily digest
      </h2>
      <p className="mb-4 text-sm text-slate-600">
        What happened and whom to call first, every morning (or once a week): your views&apos; counts, the top hot leads and the overview&apos;s figures.
      </p>
      <DigestForm
        settings={settings}
        sends={sends}
        views={views.map((v) => ({ id: v.id, name: v.name, shared: v.shared }))}
        slackDestinations={slack}
        email={email}
        mailOff={mailConfigured() ? null : "Email is not set up on this server (an admin sets SMTP_URL). Use Slack meanwhile."}
        timeZone={timeZone}
      />
    </section>
  );
}
