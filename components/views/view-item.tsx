"use client";

import { useState } from "react";
import { ListLink } from "@/components/calls/navigation";
import { Button } from "@/components/ui/button";
import { formText } from "@/components/ui/form-text";
import type { ViewPage } from "@/lib/views/filters";
import { viewsRequest, type SavedView } from "./views-api";

const PAGE_NAMES: Record<ViewPage, string> = { calls: "Calls", "hot-leads": "Hot leads" };

const small = "rounded px-1.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600";

/** One saved view in the menu: a link to it, and for its owner (or an admin) rename, share and delete. */
export function ViewItem({
  view,
  page,
  current,
  canManage,
  onChanged,
  onOpen,
}: {
  view: SavedView;
  /** The page the menu is on: views of the other page say where they open. */
  page: ViewPage;
  current: boolean;
  canManage: boolean;
  onChanged: () => void;
  onOpen: () => void;
}) {
  const [mode, setMode] = useState<"idle" | "rename" | "delete">("idle");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(method: "PATCH" | "DELETE", body?: unknown) {
    setBusy(true);
    setError(null);
    const result = await viewsRequest(`/api/views/${view.id}`, method, body);
    setBusy(false);
    if (result.error !== null) return setError(result.error);
    setMode("idle");
    onChanged();
  }

  const about = [
    view.page !== page ? PAGE_NAMES[view.page] : null,
    view.mine ? (view.shared ? "Shared with the team" : null) : `${view.shared ? "By" : "Personal view of"} ${view.owner.name ?? view.owner.email}`,
  ].filter(Boolean);

  return (
    <li className={`border-t border-slate-100 first:border-t-0 ${current ? "bg-indigo-50" : ""}`} data-testid="saved-view">
      {mode === "rename" ? (
        <form
          aria-label={`Rename ${view.name}`}
          className="flex flex-wrap items-center gap-2 px-3 py-2"
          onSubmit={(e) => {
            e.preventDefault();
            void change("PATCH", { name: formText(new FormData(e.currentTarget), "name") });
          }}
        >
          <input name="name" defaultValue={view.name} required maxLength={80} autoFocus aria-label="New name" className="input min-w-0 flex-1 py-1.5" />
          <Button type="submit" disabled={busy} className="py-1.5">
            Save
          </Button>
          <Button type="button" variant="ghost" className="py-1.5" onClick={() => (setMode("idle"), setError(null))}>
            Cancel
          </Button>
        </form>
      ) : (
        <ListLink
          href={view.url}
          onClickCapture={onOpen}
          data-view-item
          aria-current={current ? "page" : undefined}
          className={`flex items-start gap-2 px-3 py-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600`}
        >
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-medium text-slate-900">{view.name}</span>
            {about.length > 0 && <span className="block truncate text-xs text-slate-500">{about.join(" · ")}</span>}
          </span>
          {current && <span className="shrink-0 text-xs font-medium text-indigo-700">Showing</span>}
        </ListLink>
      )}
      {canManage && mode === "idle" && (
        <div className="flex flex-wrap gap-1 px-2 pb-2">
          <button type="button" className={small} aria-label={`Rename ${view.name}`} onClick={() => setMode("rename")}>
            Rename
          </button>
          <button
            type="button"
            className={small}
            disabled={busy}
            aria-label={view.shared ? `Stop sharing ${view.name}` : `Share ${view.name} with the team`}
            onClick={() => void change("PATCH", { shared: !view.shared })}
          >
            {view.shared ? "Stop sharing" : "Share"}
          </button>
          <button type="button" className={`${small} text-rose-700 hover:bg-rose-50`} aria-label={`Delete ${view.name}`} onClick={() => setMode("delete")}>
            Delete
          </button>
        </div>
      )}
      {mode === "delete" && (
        <div role="group" aria-label={`Delete ${view.name}`} className="space-y-2 px-3 pb-3 text-sm text-slate-700">
          <p>
            Delete “{view.name}”{view.shared ? " for the whole team" : ""}? This cannot be undone.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              autoFocus
              disabled={busy}
              onClick={() => void change("DELETE")}
              className="rounded-md bg-rose-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:bg-rose-300"
            >
              Delete view
            </button>
            <Button type="button" variant="ghost" className="py-1.5" onClick={() => (setMode("idle"), setError(null))}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="px-3 pb-2 text-sm text-rose-700">
          {error}
        </p>
      )}
    </li>
  );
}
