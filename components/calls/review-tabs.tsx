import Link from "next/link";

// Quick views of the call list for reviewers; each is a plain list filter, so
// it keeps its URL and combines with the filters below it.
const VIEWS: { label: string; param: string | null; value: string | null; title: string }[] = [
  { label: "All calls", param: null, value: null, title: "Every call" },
  { label: "To review", param: "review", value: "todo", title: "Hot leads and calls the AI was unsure of, not reviewed yet" },
  { label: "Corrected", param: "corrected", value: "yes", title: "Calls where a reviewer changed what the AI said" },
];

const tab = (active: boolean) =>
  `rounded-md px-3 py-1.5 text-sm whitespace-nowrap ${active ? "bg-white font-medium text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"}`;

export function ReviewTabs({ current }: { current: Record<string, string | undefined> }) {
  const active = VIEWS.find((v) => v.param && current[v.param] === v.value) ?? VIEWS[0];
  return (
    <nav className="flex w-fit gap-1 overflow-x-auto rounded-lg bg-slate-100 p-1" aria-label="Call views">
      {VIEWS.map((v) => {
        const href = v.param ? `/calls?${new URLSearchParams({ [v.param]: v.value! })}` : "/calls";
        return (
          <Link key={v.label} href={href} title={v.title} className={tab(v === active)} aria-current={v === active ? "page" : undefined}>
            {v.label}
          </Link>
        );
      })}
    </nav>
  );
}
