"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { ViewPage } from "@/lib/views/filters";
import { viewQueryOf } from "@/lib/views/query";
import { SaveViewForm } from "./save-view-form";
import { ViewItem } from "./view-item";
import { viewsRequest, type SavedView } from "./views-api";

/**
 * The "Views" button of the Calls and Hot leads pages: saved views as links
 * (the one on screen marked), saving the current filters, and for one's own
 * views (an admin's: every view) rename, share and delete. A disclosure: Escape
 * closes it and gives focus back to the button, a click or focus elsewhere closes it; the arrow
 * keys move between its links and buttons. The list is read at each opening,
 * so a teammate's newly shared view shows up.
 */
export function ViewsMenu({ page, admin = false }: { page: ViewPage; admin?: boolean }) {
  const query = viewQueryOf(useSearchParams());
  const [open, setOpen] = useState(false);
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  // A click or focus anywhere else closes it. (Not on blur: a control that
  // goes away after its change, such as the save form, drops focus too.)
  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      if (rootRef.current?.contains(e.target as Node)) return;
      setOpen(false);
      setSaving(false);
      setStatus(null);
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
    };
  }, [open]);

  async function load() {
    const result = await viewsRequest<{ views: SavedView[] }>("/api/views");
    setLoadError(result.error);
    if (result.data) setViews(result.data.views);
  }

  // With filters on screen, the views are read at once, so the page can say which saved view it shows.
  const loaded = views !== null;
  useEffect(() => {
    if (!query || loaded) return;
    let live = true;
    void viewsRequest<{ views: SavedView[] }>("/api/views").then((result) => {
      if (live && result.data) setViews(result.data.views);
    });
    return () => {
      live = false;
    };
  }, [query, loaded]);
  const showing = views?.find((v) => v.page === page && v.query === query) ?? null;

  function close(giveFocusBack: boolean) {
    setOpen(false);
    setSaving(false);
    setStatus(null);
    if (giveFocusBack) buttonRef.current?.focus();
  }

  /** After a change inside the panel (its control may be gone): read the list again, focus stays in the panel. */
  function changed(message: string | null = null) {
    setStatus(message);
    panelRef.current?.focus();
    void load();
  }

  function moveFocus(step: 1 | -1) {
    const items = [...(panelRef.current?.querySelectorAll<HTMLElement>("a[href], button:not([disabled])") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + step + items.length) % items.length]?.focus();
  }

  const mine = views?.filter((v) => v.mine) ?? [];
  const team = views?.filter((v) => !v.mine && v.shared) ?? [];
  const others = views?.filter((v) => !v.mine && !v.shared) ?? [];
  const group = (title: string, list: SavedView[]) =>
    list.length > 0 && (
      <section aria-label={title}>
        <h3 className="bg-slate-50 px-3 py-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
        <ul>
          {list.map((v) => (
            <ViewItem
              key={v.id}
              view={v}
              page={page}
              current={v.page === page && v.query === query}
              canManage={v.mine || admin}
              onChanged={() => changed()}
              onOpen={() => close(false)}
            />
          ))}
        </ul>
      </section>
    );

  return (
    <div
      ref={rootRef}
      className="relative flex min-w-0 items-center gap-2"
      onKeyDown={(e) => {
        if (!open) return;
        if (e.key === "Escape") {
          e.preventDefault();
          close(true);
        } else if ((e.key === "ArrowDown" || e.key === "ArrowUp") && !(e.target instanceof HTMLInputElement)) {
          e.preventDefault();
          moveFocus(e.key === "ArrowDown" ? 1 : -1);
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (open) return close(false);
          setOpen(true);
          void load();
        }}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Views
        <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-4 transition-transform ${open ? "rotate-180" : ""}`} fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      {showing && (
        <span className="hidden max-w-[16rem] truncate text-sm text-slate-600 sm:inline" data-testid="current-view">
          {showing.name}
        </span>
      )}
      {/* The panel's anchor: the row's bottom-left corner. Placed straight in the row, which centres its items, the
          panel's top would be centred on the button too, and a long list would rise off the top of the screen. */}
      <div className="absolute top-full left-0">
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Saved views"
          tabIndex={-1}
          hidden={!open}
          // On a phone it spans the screen below the button, from 640 px on it hangs from the button.
          className="fixed inset-x-4 z-30 mt-2 max-h-[70vh] overflow-y-auto rounded-xl border border-slate-200 bg-white shadow-lg outline-none sm:absolute sm:top-0 sm:right-auto sm:left-0 sm:w-80"
        >
          {saving ? (
            <SaveViewForm
              page={page}
              query={query}
              onCancel={() => {
                setSaving(false);
                panelRef.current?.focus();
              }}
              onSaved={(view) => {
                setSaving(false);
                changed(`Saved “${view.name}”${view.shared ? " for the team" : ""}.`);
              }}
            />
          ) : (
            <div className="border-b border-slate-200 p-2">
              <button
                type="button"
                onClick={() => setSaving(true)}
                className="w-full rounded-md px-2 py-1.5 text-left text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                Save current view…
              </button>
            </div>
          )}
          <p role="status" className={status ? "px-3 py-2 text-sm text-emerald-700" : "sr-only"}>
            {status}
          </p>
          {loadError && (
            <div role="alert" className="space-y-2 p-3 text-sm text-rose-700">
              <p>Could not load the saved views: {loadError}</p>
              <button type="button" onClick={() => void load()} className="font-medium text-indigo-700 hover:underline">
                Try again
              </button>
            </div>
          )}
          {!loadError && views === null && <p className="p-3 text-sm text-slate-500">Loading views…</p>}
          {views?.length === 0 && <p className="p-3 text-sm text-slate-600">No saved views yet: set filters, then save them here.</p>}
          {group("My views", mine)}
          {group("Team views", team)}
          {group("Others’ personal views", others)}
        </div>
      </div>
    </div>
  );
}
