// Synthetic but realistic calls, from a seeded random generator so that demo
// data and benchmarks are reproducible. Each vendor's shape of one is its
// module's sample (lib/providers/<vendor>/sample.ts).

export function random(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Kind = "meeting" | "interested" | "callback" | "not_interested" | "no_answer" | "voicemail" | "busy";

export interface Scenario {
  seq: number;
  kind: Kind;
  startedAt: Date;
  durationSec: number;
  direction: "inbound" | "outbound";
  customer: { first: string; last: string; phone: string; email: string; company: string };
  agent: string;
  campaign: string;
  summary: string;
  sentiment: "Positive" | "Neutral" | "Negative" | "Mixed";
  interest: "Very Interested" | "Interested" | "Neutral" | "Not Interested";
  outcome: string;
  nextAction: string | null;
  callbackAt: Date | null;
  /** When the team already dealt with this call's next step (older ones mostly are), or null while it is open. */
  handledAt: Date | null;
  score: number;
  turns: { role: "agent" | "customer"; text: string; atSec: number }[];
}

/** Whether the call connected: only connected calls have a conversation. */
export const isConnected = (s: Scenario) => s.turns.length > 0;
export const endOf = (s: Scenario) => new Date(s.startedAt.getTime() + s.durationSec * 1000);

const FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sofia", "Arjun", "Priya", "Aigerim", "Dmitri", "Yuki", "Fatima", "Lucas", "Chloe", "Omar"];
const LAST = ["Johnson", "Garcia", "Chen", "Patel", "Müller", "Kim", "Nurlanovna", "Ivanov", "Rossi", "Okafor", "Silva", "Brown", "Tanaka", "Haddad"];
const COMPANIES = [
  "Northwind Logistics",
  "Acme Dental",
  "Brightside Realty",
  "Globex Insurance",
  "Summit Auto",
  "Evergreen Solar",
  "Bluebird Clinics",
  "Kazakh Motors",
  "Helio Fitness",
  "Cobalt Finance",
];
const AGENTS = ["Aria", "Max", "Nova", "Leo"];
const CAMPAIGNS = ["Spring Promo", "Renewals Q3", "Inbound Demo Requests", "Auto Loans KZ", "Webinar Follow-up"];
const PRODUCTS = ["the enterprise plan", "a solar installation", "an auto loan", "the premium membership", "our fleet tracking add-on"];

const KINDS: [Kind, number][] = [
  ["meeting", 0.14],
  ["interested", 0.18],
  ["callback", 0.14],
  ["not_interested", 0.2],
  ["no_answer", 0.18],
  ["voicemail", 0.09],
  ["busy", 0.07],
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function pickKind(rnd: () => number): Kind {
  let r = rnd();
  for (const [kind, p] of KINDS) if ((r -= p) < 0) return kind;
  return "not_interested";
}

const FACTS: Record<Kind, Pick<Scenario, "sentiment" | "interest" | "outcome"> & { next: string | null }> = {
  meeting: { sentiment: "Positive", interest: "Very Interested", outcome: "Meeting Scheduled", next: "Send calendar invite and proposal" },
  interested: { sentiment: "Positive", interest: "Interested", outcome: "Interested", next: "Email pricing sheet" },
  callback: { sentiment: "Neutral", interest: "Interested", outcome: "Callback Requested", next: "Call back at the agreed time" },
  not_interested: { sentiment: "Negative", interest: "Not Interested", outcome: "Not Interested", next: null },
  no_answer: { sentiment: "Neutral", interest: "Neutral", outcome: "No Answer", next: "Retry tomorrow" },
  voicemail: { sentiment: "Neutral", interest: "Neutral", outcome: "Voicemail", next: "Retry in two days" },
  busy: { sentiment: "Neutral", interest: "Neutral", outcome: "Busy", next: "Retry in an hour" },
};

function conversation(rnd: () => number, s: Pick<Scenario, "kind" | "agent" | "customer">, product: string, extraTurns: number) {
  const lines: [Scenario["turns"][number]["role"], string][] = [
    ["agent", `Hi ${s.customer.first}, this is ${s.agent} calling from ${s.customer.company === COMPANIES[0] ? "Acme" : "Acme Sales"}. Do you have a minute?`],
    ["customer", "Sure, what is this about?"],
    ["agent", `You asked about ${product} last week. I wanted to see if you had any questions.`],
  ];
  const endings: Record<string, [Scenario["turns"][number]["role"], string][]> = {
    meeting: [
      ["customer", "Yes, actually I'm interested. Can we set up a demo?"],
      ["agent", "Absolutely. Does Thursday at 10 work?"],
      ["customer", "Thursday at 10 is perfect."],
    ],
    interested: [
      ["customer", "It sounds good. What does it cost for a team of twenty?"],
      ["agent", "I'll email you the pricing sheet today."],
      ["customer", "Great, thanks."],
    ],
    callback: [
      ["customer", "I'm driving right now. Can you call me back tomorrow afternoon?"],
      ["agent", "Of course, I'll call you tomorrow at 3 pm."],
    ],
    not_interested: [
      ["customer", "We already have a provider and I'm not interested, thanks."],
      ["agent", "Understood, thank you for your time."],
    ],
  };
  lines.push(...(endings[s.kind] ?? []));
  for (let i = 0; i < extraTurns; i++) {
    lines.push(
      i % 2 === 0
        ? [
            "customer",
            `And how does ${product} compare with what we have now? We care about support response times, contract length, onboarding and data export. (${i})`,
          ]
        : [
            "agent",
            `Good question. Most customers switch within two weeks; support answers within an hour, contracts are monthly and you can export everything at any time. (${i})`,
          ],
    );
  }
  let at = 1;
  return lines.map(([role, text]) => {
    const turn = { role, text, atSec: at };
    at += 2 + Math.round(text.length / 15 + rnd() * 3);
    return turn;
  });
}

/**
 * The n-th synthetic call. Calls spread over `days` days before `now`;
 * extraTurns makes the transcript longer (about 250 bytes each).
 */
export function scenario(seed: number, n: number, opts: { now?: Date; days?: number; extraTurns?: number } = {}): Scenario {
  const rnd = random(seed * 100_003 + n);
  const now = opts.now ?? new Date();
  const kind = pickKind(rnd);
  const facts = FACTS[kind];
  const first = pick(rnd, FIRST);
  const last = pick(rnd, LAST);
  const company = pick(rnd, COMPANIES);
  const agent = pick(rnd, AGENTS);
  const product = pick(rnd, PRODUCTS);
  // Working hours, weekdays weighted: a realistic daily rhythm for the charts.
  const dayOffset = Math.floor(rnd() * (opts.days ?? 60));
  const startedAt = new Date(now.getTime() - dayOffset * 86_400_000);
  startedAt.setUTCHours(8 + Math.floor(rnd() * 10), Math.floor(rnd() * 60), Math.floor(rnd() * 60), 0);
  if (startedAt > now) startedAt.setTime(startedAt.getTime() - 86_400_000);
  const connected = !["no_answer", "voicemail", "busy"].includes(kind);
  const customer = {
    first,
    last,
    // Fictional numbers in the US 555 range, a few KZ numbers for HubTalk-like data.
    phone: n % 7 === 0 ? `+7777${String(1_000_000 + ((n * 7919) % 8_999_999)).padStart(7, "0")}` : `+1202555${String((n * 37) % 10_000).padStart(4, "0")}`,
    email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + "@example.com",
    company,
  };
  const turns = connected ? conversation(rnd, { kind, agent, customer }, product, opts.extraTurns ?? 0) : [];
  const durationSec = connected ? Math.max(20, (turns.at(-1)?.atSec ?? 0) + 5 + Math.floor(rnd() * 60)) : kind === "voicemail" ? 25 : 0;
  // Callbacks a few hours to five days after the call: recent calls fill today, tomorrow and later in the follow-up queue.
  const callbackAt =
    kind === "callback" || kind === "meeting"
      ? new Date(startedAt.getTime() + (rnd() < 0.3 ? (2 + Math.floor(rnd() * 5)) * 3_600_000 : (1 + Math.floor(rnd() * 5)) * 86_400_000))
      : null;
  // The team works through its queue: what was due more than two days ago is mostly done, a few are forgotten (overdue).
  const due = callbackAt ?? startedAt;
  const handledAt = now.getTime() - due.getTime() > 2 * 86_400_000 && rnd() > 0.03 ? new Date(due.getTime() + 3_600_000) : null;
  const summaries: Record<Kind, string> = {
    meeting: `${first} from ${company} wants a demo of ${product}; meeting booked.`,
    interested: `${first} is interested in ${product} and asked for pricing for a team of twenty.`,
    callback: `${first} was busy and asked for a callback tomorrow afternoon about ${product}.`,
    not_interested: `${first} already has a provider and is not interested in ${product}.`,
    no_answer: "The call was not answered.",
    voicemail: "Reached voicemail; no message left.",
    busy: "The line was busy.",
  };
  return {
    seq: n,
    kind,
    startedAt,
    durationSec,
    direction: rnd() < 0.8 ? "outbound" : "inbound",
    customer,
    agent,
    campaign: pick(rnd, CAMPAIGNS),
    summary: summaries[kind],
    sentiment: kind === "callback" && rnd() < 0.3 ? "Mixed" : facts.sentiment,
    interest: facts.interest,
    outcome: facts.outcome,
    nextAction: facts.next,
    callbackAt,
    handledAt,
    score: connected ? Math.round(30 + rnd() * 70) : 0,
    turns,
  };
}
