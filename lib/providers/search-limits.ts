import type { CanonicalCall } from "./canonical";

// A call's summary and its customer's name are searched word by word (the
// calls table's search vector, which holds at most 1 MB): a vendor's megabytes
// there made the call impossible to save. No summary or name needs more than
// this; the raw request keeps everything the vendor sent.

export const MAX_SUMMARY_CHARS = 20_000;
export const MAX_NAME_CHARS = 500;

const cut = (text: string | null, max: number) => (text !== null && text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function withinSearchLimits(call: CanonicalCall): CanonicalCall {
  if ((call.summary?.length ?? 0) <= MAX_SUMMARY_CHARS && (call.customer.name?.length ?? 0) <= MAX_NAME_CHARS) return call;
  return { ...call, summary: cut(call.summary, MAX_SUMMARY_CHARS), customer: { ...call.customer, name: cut(call.customer.name, MAX_NAME_CHARS) } };
}
