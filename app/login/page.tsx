import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getViewer } from "@/lib/auth/session";

export const metadata = { title: "Sign in · Call Analytics" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).callbackUrl);
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
