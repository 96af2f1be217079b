"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import {
  MAX_VARIABLE_VALUE,
  readDay,
  readNumber,
  splitVariableParam,
  VARIABLE_OP_LABELS,
  VARIABLE_OPS,
  variableParam,
  type VariableOp,
} from "@/lib/calls/variables/values";
import { useListNavigation } from "./navigation";

// Filters by the vendor's variables (budget, demo date, product): pick a key the sources have sent, a
// comparison and a value; each filter is a chip. They live in the URL as var.<key>.<op>=<value>, like every
// other filter, so a link reproduces the view. The keys come from GET /api/calls/variables.

type Kind = "number" | "date" | "text";
interface Key {
  key: string;
  kind: Kind;
}

const PLACEHOLDER: Record<Kind, string> = { number: "5000", date: "2026-12-01", text: "Pro plan" };
const OP_SIGN: Record<VariableOp, string> = { eq: "=", contains: "contains", gte: "≥", lte: "≤" };

/** The var.* filters of the URL, as chips. */
export function variableChips(params: URLSearchParams) {
  return [...params.entries()].flatMap(([name, value]) => {
    const split = splitVariableParam(name);
    return split && (VARIABLE_OPS as readonly string[]).includes(split.op) ? [{ name, key: split.key, op: split.op as VariableOp, value }] : [];
  });
}

export function VariableFilter() {
  const pathname = usePathname();
  const params = useSearchParams();
  const { navigate } = useListNavigation();
  const keyId = useId();
  const opId = useId();
  const valueId = useId();
  const errorId = useId();
  const [keys, setKeys] = useState<Key[]>([]);
  const [key, setKey] = useState("");
  const [op, setOp] = useState<VariableOp>("eq");
  const [value, setValue] = useState("");
  const [error, setError] = useState("");
  const chips = variableChips(new URLSearchParams(params));

  // The keys are a help: if they cannot be read, the chips from the URL still show and can be removed.
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/calls/variables", { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ keys?: unknown }>) : null))
      .then((body) => {
        if (!body || !Array.isArray(body.keys)) return;
        setKeys(
          body.keys
            .filter((k): k is Key => typeof k === "object" && k !== null && typeof (k as Key).key === "string")
            .map((k) => ({ key: k.key, kind: k.kind })),
        );
      })
      .catch(() => {});
    return () => controller.abort();
  }, []);

  const kind = keys.find((k) => k.key === key)?.kind ?? "text";
  const go = (next: URLSearchParams) => {
    next.delete("cursor"); // a new filter starts at the first page
    navigate(next.size ? `${pathname}?${next}` : pathname);
  };
  const add = () => {
    const typed = value.trim();
    if (!key || !typed) return setError(key ? "Type a value." : "Pick a variable.");
    if ((op === "gte" || op === "lte") && readNumber(typed) === null && readDay(typed) === null) {
      return setError("At least and at most need a number (5000, $5,000) or a date (2026-12-01).");
    }
    setError("");
    setValue("");
    const next = new URLSearchParams(params);
    next.set(variableParam(key, op), typed);
    go(next);
  };
  const remove = (name: string) => {
    const next = new URLSearchParams(params);
    next.delete(name);
    go(next);
  };

  if (keys.length === 0 && chips.length === 0) return null;
  return (
    <div className="flex basis-full flex-wrap items-end gap-2">
      {keys.length > 0 && (
        <fieldset className="flex flex-wrap items-end gap-2 text-xs font-medium text-slate-600">
          <legend className="sr-only">Variable filter</legend>
          <div className="flex flex-col">
            <label htmlFor={keyId}>Variable</label>
            <select
              id={keyId}
              value={key}
              onChange={(e) => {
                const picked = e.currentTarget.value;
                setKey(picked);
                const pickedKind = keys.find((k) => k.key === picked)?.kind;
                setOp(pickedKind === "number" || pickedKind === "date" ? "gte" : "eq");
                setError("");
              }}
              className="input mt-1 max-w-44 py-1.5"
            >
              <option value="">Choose…</option>
              {keys.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.key}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor={opId}>Comparison</label>
            <select id={opId} value={op} onChange={(e) => setOp(e.currentTarget.value as VariableOp)} className="input mt-1 py-1.5">
              {VARIABLE_OPS.map((o) => (
                <option key={o} value={o}>
                  {VARIABLE_OP_LABELS[o]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor={valueId}>Value</label>
            <input
              id={valueId}
              value={value}
              maxLength={MAX_VARIABLE_VALUE}
              placeholder={PLACEHOLDER[kind]}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setValue(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Enter adds this filter rather than submitting the filter form around it.
                if (e.key === "Enter") {
                  e.preventDefault();
                  add();
                }
              }}
              className="input mt-1 w-36 py-1.5"
            />
          </div>
          <button
            type="button"
            onClick={add}
            className="mb-px rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Add filter
          </button>
          {error && (
            <p id={errorId} role="alert" className="mb-2 text-xs font-normal text-red-700">
              {error}
            </p>
          )}
        </fieldset>
      )}
      {chips.length > 0 && (
        <ul aria-label="Variable filters" className="flex flex-wrap gap-1.5">
          {chips.map((c) => (
            <li key={c.name} className="flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pr-1 pl-2.5 text-xs text-indigo-900">
              <span>
                {c.key} {OP_SIGN[c.op]} {c.value}
              </span>
              <button
                type="button"
                aria-label={`Remove filter ${c.key} ${VARIABLE_OP_LABELS[c.op]} ${c.value}`}
                onClick={() => remove(c.name)}
                className="rounded-full px-1.5 text-indigo-700 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
