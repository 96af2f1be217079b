import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DestinationToggles, SendTestButton } from "@/components/admin/destination-actions";
import { DestinationForm } from "@/components/admin/destination-form";
import { DeliveryTable } from "@/components/admin/delivery-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { listHref, OlderLink } from "@/components/ui/older-link";
import { ListSkeleton } from "@/components/ui/skeleton";
import { DomainError } from "@/lib/errors";
import { requireViewer } from "@/lib/auth/session";
import { expiredCursor } from "@/lib/calls/cursor";
import { sourceNames } from "@/lib/sources/names";
import { DESTINATION_KIND_LABEL, destinationFormCatalog } from "@/lib/destinations/kinds/catalog";
import { listDeliveries } from "@/lib/destinations/log";
import { totalText } from "@/lib/lists/total";
import { findDestination, view } from "@/lib/destinations/manage";

export const metadata = { title: "Destination · Call Analytics" };

const STATUSES = ["pending", "delivered", "failed", "skipped"] as const;

export default async function DestinationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  await requireViewer("admin", `/admin/destinations/${id}`);
  const search = await searchParams;
  const found = await findDestination(id).catch((e: unknown) => {
    if (e instanceof DomainError && e.kind === "not_found") notFound();
    throw e;
  });
  const destination = view(found);
  const status = STATUSES.find((s) => s === search.status);
  const sources = await sourceNames();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <BackLink href="/admin/destinations">Forwarding</BackLink>
          <h1 className="mt-1 text-xl font-semibold tracking-tight">
            {destination.name} <span className="text-base font-normal text-slate-500">{DESTINATION_KIND_LABEL[destination.kind]}</span>{" "}
            {destination.enabled ? <Badge tone="green">on</Badge> : <Badge tone={destination.disabledReason ? "red" : "gray"}>off</Badge>}
          </h1>
          {destination.disabledReason && (
            <p role="alert" className="mt-1 text-sm text-rose-700">
              Turned off: {destination.disabledReason} Fix the receiver, then turn it on again.
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-start gap-3">
          <SendTestButton id={destination.id} />
          <DestinationToggles id={destination.id} name={destination.name} enabled={destination.enabled} />
        </div>
      </div>

      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <DestinationForm existing={destination} sources={sources} catalog={destinationFormCatalog()} />
      </section>

      <section className="space-y-3" aria-labelledby="log-title">
        <h2 id="log-title" className="text-lg font-semibold tracking-tight">
          Delivery log
        </h2>
        <FilterBar key={`filters ${status ?? ""}`} label="Filter deliveries" action={`/admin/destinations/${id}`}>
          <FilterSelect label="Status" name="status" value={status} any="Any status" options={STATUSES} />
        </FilterBar>
        <Suspense key={`${id} ${status ?? ""} ${search.cursor ?? ""}`} fallback={<ListSkeleton label="Loading deliveries" rows={5} />}>
          <DeliveryLog destinationId={id} status={status} cursor={search.cursor} />
        </Suspense>
      </section>
    </div>
  );
}

async function DeliveryLog({
  destinationId,
  status,
  cursor,
}: {
  destinationId: string;
  status: (typeof STATUSES)[number] | undefined;
  cursor: string | undefined;
}) {
  const page = await listDeliveries({ destinationId, status, cursor }).catch(expiredCursor);
  if (!page) {
    return (
      <EmptyState title="This page link has expired">
        <Link href={listHref(`/admin/destinations/${destinationId}`, { status })} className="text-indigo-700 underline">
          Start again from the newest deliveries
        </Link>
        .
      </EmptyState>
    );
  }
  if (page.items.length === 0) {
    return <EmptyState title="No deliveries yet">Calls that match the rules appear here as they are sent. &ldquo;Send test&rdquo; sends a sample.</EmptyState>;
  }
  return (
    <>
      <p className="text-sm text-slate-600" data-testid="list-total">
        {totalText(page.total, "delivery", "deliveries")}
      </p>
      <DeliveryTable rows={page.items} />
      <OlderLink path={`/admin/destinations/${destinationId}`} filters={{ status }} cursor={page.nextCursor}>
        Older deliveries
      </OlderLink>
    </>
  );
}
