import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ContactHeader } from "@/components/contacts/contact-header";
import { Timeline } from "@/components/contacts/timeline";
import { BackLink } from "@/components/ui/back-link";
import { EmptyState } from "@/components/ui/empty-state";
import { OlderLink } from "@/components/ui/older-link";
import { ListSkeleton } from "@/components/ui/skeleton";
import { requireViewer } from "@/lib/auth/session";
import { expiredCursor } from "@/lib/calls/cursor";
import { isContactId } from "@/lib/contacts/ids";
import { contactSummary } from "@/lib/contacts/summary";
import { contactTimeline } from "@/lib/contacts/timeline";

export const metadata = { title: "Contact · Call Analytics" };

export default async function ContactPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const { id } = await params;
  await requireViewer("manager", `/contacts/${id}`);
  if (!isContactId(id)) notFound();
  const contact = await contactSummary(id);
  if (!contact) notFound();
  const { cursor } = await searchParams;
  const pageCursor = typeof cursor === "string" ? cursor : undefined;

  return (
    <div className="space-y-4">
      <BackLink href="/calls">All calls</BackLink>
      <ContactHeader contact={contact} />
      <h2 className="text-sm font-semibold text-slate-900">{pageCursor ? "Older calls" : "Calls, newest first"}</h2>
      <Suspense key={pageCursor ?? ""} fallback={<ListSkeleton label="Loading calls" shape="cards" rows={3} />}>
        <ContactCalls id={id} cursor={pageCursor} />
      </Suspense>
    </div>
  );
}

async function ContactCalls({ id, cursor }: { id: string; cursor: string | undefined }) {
  const page = await contactTimeline(id, { cursor }).catch(expiredCursor);
  const newest = (
    <Link href={`/contacts/${id}`} className="text-indigo-700 underline">
      Back to the newest calls
    </Link>
  );
  if (!page) return <EmptyState title="This link has expired">{newest}</EmptyState>;
  if (page.entries.length === 0) {
    return <EmptyState title="No calls to show">{cursor ? newest : "Every call with this number was a test call or has been deleted."}</EmptyState>;
  }
  return (
    <div className="space-y-4">
      <Timeline entries={page.entries} />
      {(cursor || page.nextCursor) && (
        <nav className="flex items-center justify-between gap-2" aria-label="Pages">
          {cursor ? newest : <span />}
          <OlderLink path={`/contacts/${id}`} filters={{}} cursor={page.nextCursor}>
            Older calls
          </OlderLink>
        </nav>
      )}
    </div>
  );
}
