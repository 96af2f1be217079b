import type { CanonicalCall } from "./canonical";

// A phone number is a line, never an agent: whatever field a vendor puts its
// own number in, lists and filters must not show "+1 415…" as who spoke.

// Only numbers written as numbers ("+1…", "(415) 555-0100"): a bare run of
// digits is as likely an id ("675272289779974401") and is left alone.
const PHONE = /^\+?[\d\s().-]{7,24}$/;
const looksLikePhone = (value: string | null) => {
  const v = value?.trim() ?? "";
  const digits = v.replace(/\D/g, "").length;
  return PHONE.test(v) && digits >= 7 && digits <= 15 && (v.startsWith("+") || /[\s().-]/.test(v));
};

/** The call with an agent name or id that is a phone number moved to its line. */
export function phoneAgentToLine(call: CanonicalCall): CanonicalCall {
  const { name, id } = call.agent;
  const phone = [name, id].find(looksLikePhone);
  if (!phone) return call;
  return {
    ...call,
    agent: { name: looksLikePhone(name) ? null : name, id: looksLikePhone(id) ? null : id },
    line: call.line ?? phone.trim(),
  };
}
