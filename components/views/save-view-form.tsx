"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { formText } from "@/components/ui/form-text";
import type { ViewPage } from "@/lib/views/filters";
import { viewsRequest, type SavedView } from "./views-api";

/** "Save current view…": the page's filters under a name, for oneself or the team. A refusal (name taken, filters not valid) shows here. */
export function SaveViewForm({ page, query, onSaved, onCancel }: { page: ViewPage; query: string; onSaved: (view: SavedView) => void; onCancel: () => void }) {
  const nameId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    setSaving(true);
    const result = await viewsRequest<{ view: SavedView }>("/api/views", "POST", {
      name: formText(data, "name"),
      page,
      query,
      shared: data.get("shared") === "on",
    });
    setSaving(false);
    if (result.error !== null) setError(result.error);
    else onSaved(result.data.view);
  }

  return (
    <form
      aria-label="Save current view"
      className="space-y-3 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save(e.currentTarget);
      }}
    >
      <label htmlFor={nameId} className="block text-xs font-medium text-slate-600">
        Name
      </label>
      <input
        id={nameId}
        name="name"
        required
        maxLength={80}
        autoFocus
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="input w-full"
      />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="shared" className="size-4 rounded border-slate-300 text-indigo-600" />
        Share with the team
      </label>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save view"}
        </Button>
      </div>
    </form>
  );
}
