import type { CallItem } from "@/lib/calls/schemas";

const FROM: Record<string, string> = { summary: "Summary", transcript: "Transcript", name: "Name" };

/** Where a search matched: the server's segments as text, matched words marked. Never HTML. */
export function Snippet({ call }: { call: Pick<CallItem, "snippet" | "snippetFrom"> }) {
  if (!call.snippet?.length) return null;
  return (
    <p className="mt-1 line-clamp-2 text-xs text-slate-600" data-testid="call-snippet">
      {call.snippetFrom && <span className="font-medium text-slate-700">{FROM[call.snippetFrom]}: </span>}
      {call.snippet.map((part, i) =>
        part.hit ? (
          // Segments are a fixed sequence from the server: their position is their identity.
          // eslint-disable-next-line @eslint-react/no-array-index-key
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          // eslint-disable-next-line @eslint-react/no-array-index-key
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
