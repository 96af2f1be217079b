"use client";

import { useId, useRef, useState } from "react";

/**
 * A typed filter (campaign, agent, minimum score). Enter applies it (the form
 * submits), so does leaving the field; picking a suggestion applies it at once.
 * `onApply` reads every field of the form, so nothing typed elsewhere is lost.
 */
export function TextFilter({
  name,
  label,
  current,
  onApply,
  suggest,
  type = "text",
  className = "w-36",
}: {
  name: string;
  label: string;
  current: string;
  onApply: () => void;
  /** Offer values that exist, from GET /api/calls/suggestions. */
  suggest?: "campaign" | "agent";
  type?: "text" | "number";
  className?: string;
}) {
  const listId = useId();
  const [options, setOptions] = useState<string[]>([]);
  const requestRef = useRef<AbortController | null>(null);

  // Suggestions are a help, not a requirement: any failure leaves the list as it was.
  const loadSuggestions = (prefix: string) => {
    if (!suggest) return;
    requestRef.current?.abort();
    const controller = new AbortController();
    requestRef.current = controller;
    fetch(`/api/calls/suggestions?${new URLSearchParams({ field: suggest, q: prefix })}`, { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ values?: unknown }>) : null))
      .then((body) => {
        if (body && Array.isArray(body.values)) setOptions(body.values.filter((v): v is string => typeof v === "string").slice(0, 20));
      })
      .catch(() => {});
  };

  return (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      {label}
      <input
        key={current}
        name={name}
        type={type}
        {...(type === "number" ? { min: 0, max: 100, inputMode: "numeric" as const } : {})}
        defaultValue={current}
        list={suggest ? listId : undefined}
        autoComplete="off"
        onFocus={(e) => loadSuggestions(e.currentTarget.value.trim())}
        onInput={(e) => {
          const value = e.currentTarget.value;
          // A pick from the suggestions arrives as one replacement, not as typing.
          const { inputType } = e.nativeEvent;
          if (inputType === "insertReplacementText" || (!inputType && options.includes(value))) {
            onApply();
          } else loadSuggestions(value.trim());
        }}
        onBlur={(e) => {
          if (e.currentTarget.value.trim() !== current) onApply();
        }}
        className={`input mt-1 py-1.5 ${className}`}
      />
      {suggest && (
        <datalist id={listId}>
          {options.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      )}
    </label>
  );
}
