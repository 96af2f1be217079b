import { readRules, type Rules } from "../rules";
import type { DestinationKindCatalog } from "./catalog-entry";
import { allDestinationKinds } from "./lookup";

// The kinds as the admin pages show them, taken from the registry on the
// server and passed to the form as props: plain data, so the browser gets
// neither zod schemas nor senders, and the form keeps no copy of them.

export interface DestinationFormCatalog {
  kinds: DestinationKindCatalog[];
  /** The rules a new destination starts from: the rules schema's defaults. */
  defaultRules: Rules;
}

export function destinationCatalog(): DestinationKindCatalog[] {
  return allDestinationKinds().map(({ id, label, namePlaceholder, takesAlerts, fields, defaultConfig, shownOnce }) => ({
    id,
    label,
    ...(namePlaceholder ? { namePlaceholder } : {}),
    takesAlerts,
    fields,
    defaultConfig,
    ...(shownOnce ? { shownOnce } : {}),
  }));
}

export const destinationFormCatalog = (): DestinationFormCatalog => ({ kinds: destinationCatalog(), defaultRules: readRules({}) });

/** Each kind's name as admins know it. */
export const DESTINATION_KIND_LABEL: Record<string, string> = Object.fromEntries(allDestinationKinds().map((k) => [k.id, k.label]));
