// What the admin form knows of a destination kind: plain data, no zod and no
// sender, so the server can hand it to the client component as props and the
// form keeps no copy of its own.

export interface Choice {
  value: string;
  label: string;
}

export type KindField =
  | {
      /** Stored encrypted; never filled in from the server, left empty it keeps the saved one. */
      type: "secret";
      name: string;
      label: string;
      placeholder: string;
      hint?: string;
      /** false: shown as typed (a URL to check by eye); it is masked once saved all the same. */
      concealed?: boolean;
      /** Set when the server makes one if none is given: the field may stay empty until one is saved. */
      whenEmpty?: string;
    }
  | { type: "text" | "url"; name: string; label: string; placeholder: string }
  | { type: "checkbox"; name: string; label: string }
  /** One select per key (a lead status per outcome, say), read back as an object. */
  | { type: "choice-per-key"; name: string; legend: string; keys: Choice[]; options: Choice[] };

export interface DestinationKindCatalog {
  id: string;
  label: string;
  /** The name field's example; the label when there is none. */
  namePlaceholder?: string;
  /** Whether the form offers source alerts (a CRM has nowhere to put them). */
  takesAlerts: boolean;
  fields: KindField[];
  /** Values the form starts from where nothing is saved. */
  defaultConfig: Record<string, unknown>;
  /** A secret the server makes on creation and answers once, with how a receiver uses it. */
  shownOnce?: { label: string; note: string; help: Array<string | { code: string }> };
}
