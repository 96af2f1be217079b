import { AppHeader } from "@/components/layout/app-header";
import { BrowserTimeZone } from "@/components/layout/browser-time-zone";
import { SkipLink } from "@/components/layout/skip-link";
import { getViewer } from "@/lib/auth/session";
import { timeZoneIsSet } from "@/lib/settings/save-time-zone";

// The shell of signed-in pages. Each page checks the session and role itself
// (and sends a signed-out visitor to sign in, back to that page afterwards).
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) return children;
  const offerZone = viewer.role === "admin" && !viewer.mustChangePassword && !(await timeZoneIsSet());
  return (
    <>
      <SkipLink />
      {offerZone && <BrowserTimeZone />}
      <AppHeader viewer={viewer} />
      {/* tabIndex -1: the skip link moves keyboard focus here, not only the scroll position. */}
      <main id="main" tabIndex={-1} className="mx-auto max-w-[90rem] px-4 py-6 focus:outline-none sm:px-6">
        {children}
      </main>
    </>
  );
}
