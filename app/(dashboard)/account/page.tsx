import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { DigestSection } from "@/components/account/digest-section";
import { TimeZoneChoice } from "@/components/account/time-zone-choice";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getViewer } from "@/lib/auth/session";
import { timeZoneChoices } from "@/lib/settings/save-time-zone";
import { readTimeZone } from "@/lib/settings/time-zone";
import { db } from "@/lib/db/client";
import { userTimeZone } from "@/lib/users/time-zone";

export const metadata = { title: "Your account · Call Analytics" };

// Reached by everyone signed in, also (unlike other pages) by those who must
// first replace the password an admin gave them.
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ first?: string; callbackUrl?: string }> }) {
  const { first, callbackUrl } = await searchParams;
  const viewer = await getViewer();
  if (!viewer) redirect("/login?callbackUrl=%2Faccount");
  const next = safeReturnPath(callbackUrl);
  const [own, organisation, timeZone] = await Promise.all([
    db.user.findUnique({ where: { id: viewer.id }, select: { timeZone: true } }).then((u) => u?.timeZone ?? null),
    readTimeZone(),
    userTimeZone(viewer.id),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Your account</h1>
        <p className="text-sm text-slate-600">
          {viewer.name ? `${viewer.name} · ` : ""}
          {viewer.email} · {viewer.role}
        </p>
      </div>
      {(first || viewer.mustChangePassword) && (
        <p role="status" className="max-w-xl rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800">
          You signed in with a password someone else gave you. Choose your own to go on.
        </p>
      )}
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 font-medium">Password</h2>
        <ChangePasswordForm email={viewer.email} minLength={MIN_PASSWORD_LENGTH} next={viewer.mustChangePassword ? next : "/account"} />
      </section>
      {!viewer.mustChangePassword && (
        <>
          <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="mb-1 font-medium">Time zone</h2>
            <p className="mb-3 text-sm text-slate-600">Your digest arrives at your local hour, and its times read in this zone.</p>
            <TimeZoneChoice own={own} organisation={organisation} zones={timeZoneChoices()} />
          </section>
          <DigestSection userId={viewer.id} email={viewer.email} timeZone={timeZone} admin={viewer.role === "admin"} />
        </>
      )}
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-1 font-medium">Sessions</h2>
        <p className="mb-3 text-sm text-slate-600">Signs you out on every device and browser, this one included.</p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
