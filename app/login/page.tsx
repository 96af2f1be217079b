import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getViewer } from "@/lib/auth/session";

const START_PAGE = "/follow-ups";

export const metadata = { title: "Sign in · Call Analytics" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const asked = (await searchParams).callbackUrl;
  // With no page asked for (a plain visit to the sign-in page, or after signing out), managers start at their follow-ups.
  const next = asked === undefined || asked === "" ? START_PAGE : safeReturnPath(asked);
  if (await getViewer()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold tracking-tight">Call Analytics</h1>
        <p className="mt-2 text-center text-sm text-slate-600">Sign in to see your team&apos;s calls.</p>
        <LoginForm callbackUrl={next} />
      </div>
    </main>
  );
}
