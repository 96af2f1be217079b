import { autocalls } from "./autocalls";
import { cllr } from "./cllr";
import { hooman } from "./hooman";
import { hubtalk } from "./hubtalk";
import type { ProviderId } from "./lookup";
import type { ProviderModule } from "./types";
import { unpod } from "./unpod";

// Every vendor this product reads, as modules (lib/providers/<vendor>/).
// Adding one: its folder, a line here and its catalog entry in ./catalog.ts
// (a module whose id the catalog lacks does not compile here).
// Only the list lives here (lookups in ./modules.ts), so that a test can add a vendor to it.
export const REGISTRY: readonly (ProviderModule & { id: ProviderId })[] = [unpod, cllr, hooman, autocalls, hubtalk];
