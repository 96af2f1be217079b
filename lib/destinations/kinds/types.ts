import type { z } from "zod";
import type { SealedOptions } from "@/lib/security/sealed-settings";
import type { SendInput, SendResult } from "../types";
import type { DestinationKindCatalog } from "./catalog-entry";

// A destination kind, whole: what the form shows (the catalog part), how its
// config is validated, sealed and shown, how fast it may be sent to, and how
// a delivery is sent. Registered in ./registry.ts.

export interface DestinationKindModule<Id extends string = string, S extends z.ZodObject = z.ZodObject> extends DestinationKindCatalog {
  id: Id;
  schema: S;
  /** Fields stored encrypted and shown to the browser only as "set" or "missing". */
  secretFields: readonly string[];
  sealing?: SealedOptions<S>;
  /** Secret fields also shown masked, as `<field>Masked`, so that admins can tell which one is saved. */
  maskedAs?: Record<string, (value: string) => string>;
  /** Seconds between two requests to one destination: the receiver's rate limit. */
  rateIntervalSec: number;
  /** A secret field the server fills in on creation when it is left empty (answered once, see shownOnce). */
  generatesSecret?: { field: string; make: () => string };
  send(config: z.infer<S>, input: SendInput): Promise<SendResult>;
}

/** Types a kind's module, keeping its id and config types for the registry. */
export const defineDestinationKind = <const Id extends string, S extends z.ZodObject>(kind: DestinationKindModule<Id, S>) => kind;
