import { AppHeader } from "@/components/layout/app-header";
import { SkipLink } from "@/components/layout/skip-link";
import { getViewer } from "@/lib/auth/session";

// The shell of signed-in pages. Each page checks the session and role itself
// (and sends a signed-out visitor to sign in, back to that page afterwards).
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) return children;
  return (
    <>
      <SkipLink />
      <AppHeader viewer={viewer} />
      {/* tabIndex -1: the skip link moves keyboard focus here, not only the scroll position. */}
      <main id="main" tabIndex={-1} className="mx-auto max-w-[90rem] px-4 py-6 focus:outline-none sm:px-6">
        {children}
      </main>
    </>
  );
}
