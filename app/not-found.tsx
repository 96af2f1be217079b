import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export const metadata = { title: "Page not found · Call Analytics" };

/** Any address the app does not have. */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-indigo-700">Page not found</p>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">This page does not exist</h1>
      <p className="text-sm text-slate-600">The link may be mistyped, or the page may have moved.</p>
      <Link href="/" className={buttonClass("primary", "mt-2")}>
        Go to the overview
      </Link>
    </main>
  );
}
