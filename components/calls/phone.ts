import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "+14155550190" reads "+1 415 555 0190"; anything that is not a valid number is shown as the vendor sent it. */
export function formatPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const parsed = parsePhoneNumberFromString(phone);
  return parsed?.isValid() ? parsed.formatInternational() : phone;
}
