import { DateTime } from "luxon";
import { appUrl } from "@/lib/api/app-url";
import { listHotLeads } from "@/lib/calls/hot-leads";
import type { ListTotal } from "@/lib/lists/total";
import { storedTimeZone } from "@/lib/settings/time-zone";
import { kpisBetween, type Kpis } from "@/lib/stats/trends";
import { countInWindow, viewFilters, windowCallsPath } from "@/lib/views/filters";
import { coveredWindows, type Schedule } from "./schedule";
import { chosenViews } from "./views";
import { checkViewFilters } from "@/lib/views/validate";

// What a digest says, whichever way it goes (email, Slack): the period in the
// user's zone, each chosen view's calls in it against the period before, the
// hot leads to call first, and the overview's KPIs. Everything here is data;
// email.ts and slack.ts escape it for their formats.

const TOP_LEADS = 5;

export interface DigestViewCount {
  name: string;
  url: string;
  current: ListTotal | null;
  previous: ListTotal | null;
  /** Why the view cannot be counted any more (a tracker since deleted), instead of failing the digest. */
  error: string | null;
}

export interface DigestLead {
  who: string;
  phone: string | null;
  score: number;
  nextAction: string | null;
  /** In the user's zone: "Tue 10 Mar, 14:00 EDT". */
  callbackAt: string | null;
  url: string;
}

export interface DigestContent {
  frequency: Schedule["frequency"];
  /** "Sat 7 Mar 2026", or "2 – 8 Mar 2026". */
  periodLabel: string;
  timeZone: string;
  /** The KPIs count days in the organisation's zone (the rollups' days); said when it is not the user's. */
  kpiZone: string;
  kpis: { current: Kpis; previous: Kpis };
  views: DigestViewCount[];
  leads: DigestLead[];
  /** Unhandled hot leads in all, of which `leads` are the first. */
  hotWaiting: ListTotal;
  links: { overview: string; hotLeads: string; settings: string; unsubscribe: string };
}

export interface DigestFor {
  userId: string;
  timeZone: string;
  frequency: Schedule["frequency"];
  viewIds: string[];
  unsubscribeToken: string;
  /** The local midnight that ends the period (the day it is sent). */
  endsAt: DateTime;
}

async function viewCount(view: { name: string; page: string; query: string }, windows: ReturnType<typeof coveredWindows>): Promise<DigestViewCount> {
  // The calls counted, not the view's own period: "Solar: 12" opens those 12.
  const url = appUrl(windowCallsPath(view, windows.current));
  const parsed = viewFilters(view);
  // A tracker deleted since the view was saved, too: its count would read 0, not "no longer valid".
  const problem = parsed.ok
    ? await checkViewFilters(view).then(
        () => null,
        (err: Error) => err.message.replace(/^This view's filters are not valid: /, ""),
      )
    : parsed.error;
  if (!parsed.ok || problem) return { name: view.name, url, current: null, previous: null, error: `This view's filters are no longer valid: ${problem}` };
  const [current, previous] = await Promise.all([countInWindow(parsed.filters, windows.current), countInWindow(parsed.filters, windows.previous)]);
  return { name: view.name, url, current, previous, error: null };
}

export function localTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("ccc d LLL, HH:mm ZZZZ");
}

/** The first TOP_LEADS leads (in the hot-leads order), each customer (contact) once. */
function oncePerCustomer<T extends { id: string; contactId: string | null }>(leads: T[]): T[] {
  const seen = new Set<string>();
  return leads
    .filter((lead) => {
      const key = lead.contactId ?? lead.id;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, TOP_LEADS);
}

/**
 * The rollups' days for the period: the user's dates, moved back as far as needed for the last of them to have
 * ended in the organisation's zone too (a user in Tokyo reads at 08:00 a New York day that is still going on).
 */
function endedDays(dates: { from: string; to: string; previousFrom: string }, periodEnd: Date, kpiZone: string) {
  const orgToday = DateTime.fromJSDate(periodEnd, { zone: kpiZone }).toISODate()!;
  const late = Math.max(0, DateTime.fromISO(dates.to).diff(DateTime.fromISO(orgToday), "days").days);
  const back = (day: string) => DateTime.fromISO(day).minus({ days: late }).toISODate()!;
  return { from: back(dates.from), to: back(dates.to), previousFrom: back(dates.previousFrom) };
}

export async function buildDigest(input: DigestFor): Promise<DigestContent> {
  const windows = coveredWindows(input.frequency, input.endsAt);
  // Read from the database: a digest is sent and labelled once, so not from a copy a change has not reached yet.
  const orgZone = await storedTimeZone();
  const kpiDays = endedDays(windows.dates, windows.current.to, orgZone);
  const [views, kpis, hot] = await Promise.all([
    chosenViews(input.userId, input.viewIds).then((vs) => Promise.all(vs.map((v) => viewCount(v, windows)))),
    kpisBetween(kpiDays.from, kpiDays.to, kpiDays.previousFrom),
    // A few more than shown: a customer with several hot calls is listed once, with the best of them.
    listHotLeads({ handled: false, limit: TOP_LEADS * 4 }),
  ]);
  return {
    frequency: input.frequency,
    periodLabel: windows.label,
    timeZone: input.timeZone,
    kpiZone: orgZone,
    kpis,
    views,
    leads: oncePerCustomer(hot.items).map((lead) => ({
      who: lead.customer.name ?? lead.customer.phone ?? "Unknown caller",
      phone: lead.customer.name ? lead.customer.phone : null,
      score: lead.leadScore,
      nextAction: lead.nextAction,
      callbackAt: lead.callbackAt ? localTime(lead.callbackAt, input.timeZone) : null,
      url: appUrl(`/calls/${lead.id}`),
    })),
    hotWaiting: hot.total,
    links: {
      overview: appUrl("/"),
      hotLeads: appUrl("/hot-leads"),
      settings: appUrl("/account#digest"),
      unsubscribe: appUrl(`/unsubscribe/${input.unsubscribeToken}`),
    },
  };
}
