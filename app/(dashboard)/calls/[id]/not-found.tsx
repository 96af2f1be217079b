import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** /calls/<id> for an id no call has (or that is no id at all): answered with HTTP 404. */
export default function CallNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-xl border border-slate-200 bg-white px-6 py-12 text-center shadow-sm">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">This call does not exist</h1>
      <p className="text-sm text-slate-600">The link may be mistyped, or the call may have been removed.</p>
      <Link href="/calls" className={buttonClass("primary")}>
        Back to all calls
      </Link>
    </div>
  );
}
