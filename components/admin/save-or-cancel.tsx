"use client";

import { Button } from "@/components/ui/button";
import { ActionError } from "./use-action";

/** The foot of an add/edit form: its submit button (busy while saving), Cancel when editing, and what went wrong. */
export function SaveOrCancel(props: { busy: boolean; label: string; onCancel?: () => void; error: string | null; describedBy?: string }) {
  return (
    <>
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={props.busy} aria-describedby={props.describedBy}>
          {props.busy ? "Saving…" : props.label}
        </Button>
        {props.onCancel && (
          <Button type="button" variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
        )}
      </div>
      <ActionError error={props.error} />
    </>
  );
}
