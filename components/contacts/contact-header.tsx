import Link from "next/link";
import { PhoneNumber } from "@/components/calls/phone-number";
import { LocalTime } from "@/components/ui/local-time";
import type { ContactSummary } from "@/lib/contacts/schemas";
import { totalText } from "@/lib/lists/total";

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-800" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Who the contact is, how often and when they were called, and what to do next. Vendor text as text only. */
export function ContactHeader({ contact }: { contact: ContactSummary }) {
  const { nextStep, callback, followUp } = contact;
  return (
    <header className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="min-w-0 space-y-1">
        <h1 className="text-xl font-semibold tracking-tight break-words">{contact.name ?? "Unknown caller"}</h1>
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-600">
          <PhoneNumber phone={contact.phone} />
          {contact.email && <span className="break-all">· {contact.email}</span>}
          {contact.company && <span>· {contact.company}</span>}
        </p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Fact label="Calls" testId="contact-call-count">
          {totalText(contact.calls, "call", "calls")}
        </Fact>
        <Fact label="First · last call">
          {contact.firstCallAt && contact.lastCallAt ? (
            <>
              <LocalTime iso={contact.firstCallAt} /> · <LocalTime iso={contact.lastCallAt} />
            </>
          ) : (
            "None yet"
          )}
        </Fact>
        <Fact label="Latest next step" testId="contact-next-step">
          {nextStep ? (
            <>
              <span className="whitespace-pre-wrap">{nextStep.text}</span>{" "}
              <Link href={`/calls/${nextStep.callId}`} className="text-xs text-indigo-700 hover:underline">
                from the call of <LocalTime iso={nextStep.at} />
              </Link>
            </>
          ) : (
            "None given"
          )}
        </Fact>
        <Fact label={callback && !callback.upcoming ? "Last callback asked (passed)" : "Next callback"} testId="contact-callback">
          {callback ? (
            <Link href={`/calls/${callback.callId}`} className="hover:underline">
              <LocalTime iso={callback.at} />
            </Link>
          ) : (
            "None asked"
          )}
        </Fact>
      </dl>
      {followUp && (
        <p className="text-sm text-slate-700" data-testid="contact-follow-up">
          {followUp.snoozed ? "Snoozed in the follow-up queue until " : "In the follow-up queue, due "}
          <LocalTime iso={followUp.dueAt} />.{" "}
          <Link href={followUp.snoozed ? "/follow-ups?view=snoozed" : "/follow-ups"} className="text-indigo-700 underline">
            Open follow-ups
          </Link>
        </p>
      )}
    </header>
  );
}
