import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "+14155550190" reads "+1 415 555 0190"; anything that is not a valid number is shown as the vendor sent it. */
export function formatPhone(phone: string | null): string | null {
  return phoneLink(phone)?.text ?? phone;
}

/** A valid number as people read it, and the tel: link that dials it; null for anything else (never a link made of vendor text). */
export function phoneLink(phone: string | null): { text: string; href: string } | null {
  if (!phone) return null;
  const parsed = parsePhoneNumberFromString(phone);
  return parsed?.isValid() ? { text: parsed.formatInternational(), href: parsed.getURI() } : null;
}
