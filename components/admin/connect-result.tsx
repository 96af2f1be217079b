"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { adminFetch } from "./admin-fetch";
import { WEBHOOK_ANSWER_TEXT } from "./labels";
import { ActionError, useAction } from "./use-action";

export interface Connection {
  slug: string;
  webhookUrl: string;
  secret: string;
  connect: { url: string; steps: string[] };
  previousValidUntil?: string | null;
}

/** A source's webhook URL and secret, shown once, with the vendor's steps and a test event. */
export function ConnectResult({ connection, title }: { connection: Connection; title: string }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950" data-testid="connect-result">
      <p className="font-medium">{title}</p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-24 text-emerald-800">Paste this URL</span>
        <code className="rounded bg-white px-2 py-0.5 font-mono text-xs break-all" data-testid="connect-url">
          {connection.connect.url}
        </code>
        <CopyButton text={connection.connect.url} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-24 text-emerald-800">Secret</span>
        <code className="rounded bg-white px-2 py-0.5 font-mono text-xs" data-testid="one-time-secret">
          {connection.secret}
        </code>
        <CopyButton text={connection.secret} />
        <span className="text-xs">shown once: only a hash of it is kept</span>
      </div>
      {connection.previousValidUntil && (
        <p className="text-xs">The previous secret keeps working until {new Date(connection.previousValidUntil).toLocaleString()}.</p>
      )}
      <ol className="list-decimal space-y-0.5 pl-5 text-xs">
        {connection.connect.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <TestEventButton slug={connection.slug} />
    </div>
  );
}

/** Sends the vendor's sample payload through the source and links to the call it made. */
export function TestEventButton({ slug, small = false }: { slug: string; small?: boolean }) {
  const [result, setResult] = useState<{ status: number; answer: { callId?: string; detail?: string; status?: string } } | null>(null);
  const { run, busy, error } = useAction(async () => {
    setResult(await adminFetch(`/api/sources/${slug}/test-event`, "POST"));
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {small ? (
        <button type="button" disabled={busy} onClick={() => void run()} className="rounded-md px-2 py-1 text-xs text-slate-700 hover:bg-slate-100">
          {busy ? "Sending…" : "Send test event"}
        </button>
      ) : (
        <Button variant="secondary" disabled={busy} onClick={() => void run()}>
          {busy ? "Sending…" : "Send a test event"}
        </Button>
      )}
      {result && (
        <span className="text-xs" data-testid="test-event-result">
          {(result.answer.status && WEBHOOK_ANSWER_TEXT[result.answer.status]) ?? result.answer.detail ?? "Not received"}{" "}
          {result.answer.callId && (
            <Link href={`/calls/${result.answer.callId}`} className="text-indigo-700 underline">
              open the call
            </Link>
          )}
        </span>
      )}
      <ActionError error={error} small />
    </div>
  );
}
