import Link from "next/link";

/**
 * The customer's number in a list, linking to their contact page (every call
 * with the number); plain text when the call has no contact. The link's name
 * starts with the number shown and says where it goes.
 */
export function ContactPhone({ contactId, phone }: { contactId: string | null; phone: string | null }) {
  const text = phone ?? "no number";
  if (!contactId) return <>{text}</>;
  return (
    <Link
      href={`/contacts/${contactId}`}
      aria-label={`${text}: all calls with this number`}
      title="All calls with this number"
      className="text-indigo-700 hover:underline"
    >
      {text}
    </Link>
  );
}
