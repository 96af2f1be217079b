import Link from "next/link";
import { countDueFollowUps } from "@/lib/follow-ups/count";

/** The header's "Follow-ups" entry, with how many are due now. */
export async function FollowUpsNavLink({ className }: { className: string }) {
  const due = await countDueFollowUps();
  return (
    <Link href="/follow-ups" className={`${className} inline-flex items-center gap-1.5`}>
      Follow-ups
      {due > 0 && (
        <span className="rounded-full bg-rose-600 px-1.5 py-0.5 text-xs leading-none font-semibold text-white tabular-nums" data-testid="follow-ups-due">
          <span className="sr-only">, due now: </span>
          {due > 999 ? "999+" : due}
        </span>
      )}
    </Link>
  );
}
