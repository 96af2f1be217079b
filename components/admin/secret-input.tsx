"use client";

import { useId, useState } from "react";

/**
 * A secret an admin pastes (a token, a Slack webhook URL). It is never filled
 * in from the server: left empty, the saved one is kept. What was saved is
 * described by `savedAs` (a masked form) or just as saved. `concealed` fields
 * hide what is typed, with a button to show it, so a paste can be checked.
 */
export function SecretInput({
  name,
  label,
  saved,
  savedAs,
  placeholder,
  hint,
  concealed = true,
}: {
  name: string;
  label: string;
  saved: boolean;
  savedAs?: string | null;
  placeholder: string;
  hint?: string;
  concealed?: boolean;
}) {
  const [shown, setShown] = useState(!concealed);
  const hintId = useId();
  const savedText = saved ? (
    <>
      Saved
      {savedAs && (
        <>
          : <span className="font-mono break-all">{savedAs}</span>
        </>
      )}
      . Leave empty to keep it.
    </>
  ) : null;
  return (
    <div className="text-sm text-slate-600">
      <label htmlFor={`${hintId}-input`} className="mb-1 block">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={`${hintId}-input`}
          name={name}
          type={shown ? "text" : "password"}
          autoComplete="off"
          spellCheck={false}
          required={!saved}
          placeholder={saved ? "Leave empty to keep the saved one" : placeholder}
          aria-describedby={savedText || hint ? hintId : undefined}
          className="input block w-full min-w-0 font-mono"
        />
        {concealed && (
          <button
            type="button"
            onClick={() => setShown(!shown)}
            aria-pressed={shown}
            className="rounded-md border border-slate-300 px-3 text-sm text-slate-700 hover:bg-slate-50"
          >
            {shown ? "Hide" : "Show"}
          </button>
        )}
      </div>
      {(savedText || hint) && (
        <p id={hintId} className="mt-1 text-xs text-slate-500" data-testid={`${name}-saved`}>
          {savedText} {hint}
        </p>
      )}
    </div>
  );
}
