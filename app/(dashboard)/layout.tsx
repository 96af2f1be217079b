import { AppHeader } from "@/components/layout/app-header";
import { BrowserTimeZone } from "@/components/layout/browser-time-zone";
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
      {offerZone && <BrowserTimeZone />}
      <AppHeader viewer={viewer} />
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">{children}</main>
    </>
  );
}
