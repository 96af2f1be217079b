"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { TestCalls } from "@/lib/sources/test-calls";
import { adminFetch } from "./admin-fetch";
import { ActionError, useAction } from "./use-action";

/** The source's test calls (from "Send a test event"), with a one-click removal. */
export function TestCallsPanel({ slug, testCalls }: { slug: string; testCalls: TestCalls }) {
  const { run, busy, error } = useAction(async () => {
    await adminFetch(`/api/sources/${slug}/test-calls`, "DELETE");
  });
  return (
    <section aria-labelledby="test-calls-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="test-calls">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="test-calls-heading" className="font-medium">
            Test calls
          </h2>
          <p className="text-sm text-slate-600">
            {testCalls.count === 0
              ? "No test calls. Calls made by “Send a test event” show here; they never count in the overview and are never forwarded."
              : `${testCalls.count.toLocaleString()} ${testCalls.count === 1 ? "call was" : "calls were"} made by “Send a test event”. Test calls are not counted in the overview and never forwarded.`}
          </p>
        </div>
        {testCalls.count > 0 && (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => void run()}>
            {busy ? "Removing…" : "Remove test calls"}
          </Button>
        )}
      </div>
      {testCalls.latest.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm">
          {testCalls.latest.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2 py-2">
              <Badge tone="violet">Test</Badge>
              <Link href={`/calls/${c.id}`} className="truncate text-indigo-700 hover:underline">
                {c.customerName ?? "Unknown caller"}
              </Link>
              <span className="text-slate-500">
                <LocalTime iso={c.startedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <ActionError error={error} />
    </section>
  );
}
