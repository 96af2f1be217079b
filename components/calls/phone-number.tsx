import { phoneLink } from "./phone";

/** A customer's number that dials when tapped (tel:), or the vendor's text as plain text when it is not a valid number. */
export function PhoneNumber({ phone }: { phone: string | null }) {
  const link = phoneLink(phone);
  if (!link) return phone ? <span className="text-sm text-slate-600">{phone}</span> : null;
  return (
    <a href={link.href} className="text-sm font-medium text-indigo-700 tabular-nums hover:underline">
      {link.text}
    </a>
  );
}
