import type { z } from "zod";
import { DESTINATION_KINDS } from "./registry";
import type { DestinationKindModule } from "./types";

// The registry read by id. Everything that depends on a destination's kind
// goes through here rather than naming kinds.

type Registered = (typeof DESTINATION_KINDS)[number];
export type DestinationKind = Registered["id"];
export type ConfigOf<K extends DestinationKind> = z.infer<Extract<Registered, { id: K }>["schema"]>;

const registered: readonly DestinationKindModule[] = DESTINATION_KINDS;
const byId = new Map(registered.map((k) => [k.id, k]));

/** The kinds' ids, sorted as the API's validation has always listed them. */
export const DESTINATION_KIND_IDS = registered.map((k) => k.id).sort() as [DestinationKind, ...DestinationKind[]];

export const allDestinationKinds = (): readonly DestinationKindModule[] => registered;

/** The kinds that take alerts (source alerts, metric alerts): a CRM has nowhere to put them. */
export const ALERT_KIND_IDS: string[] = registered.filter((k) => k.takesAlerts).map((k) => k.id);

/** A registered kind; a stored destination of an unknown kind is a bug, not an input error. */
export function destinationKind(id: string): DestinationKindModule {
  const kind = byId.get(id);
  if (!kind) throw new Error(`No destination kind "${id}" is registered.`);
  return kind;
}
