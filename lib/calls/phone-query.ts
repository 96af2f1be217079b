import { toE164 } from "@/lib/providers/normalize";

// A search that is a phone number, in whatever format a person types or
// copies it ("+1 (415) 555-0134", "415-555-0134", "4155550134"), becomes the
// E.164 numbers calls are stored under. A national number is read in each
// region the sources use, exactly as their calls were read when they arrived.

const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

/** Whether `q` reads as a phone number rather than words (7 to 15 digits and only phone punctuation). */
export function looksLikePhone(q: string): boolean {
  const digits = q.replace(/\D/g, "").length;
  return PHONE_LIKE.test(q.trim()) && digits >= 7 && digits <= 15;
}

/** The E.164 numbers `q` may stand for, read in each of `regions` (none when it is no phone number in any). */
export function phoneCandidates(q: string, regions: string[]): string[] {
  const digits = q.replace(/\D/g, "");
  const numbers = regions.map((region) => toE164(q, region));
  // International digits without the "+" (as HubTalk sends them, and people copy them).
  if (!q.trim().startsWith("+")) numbers.push(toE164(`+${digits}`, "US"));
  return [...new Set(numbers.filter((n): n is string => n !== null))];
}
