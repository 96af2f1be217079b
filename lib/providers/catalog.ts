import { autocallsInfo } from "./autocalls/info";
import { cllrInfo } from "./cllr/info";
import { hoomanInfo } from "./hooman/info";
import { hubtalkInfo } from "./hubtalk/info";
import { unpodInfo } from "./unpod/info";

// Every vendor's catalog entry, zod-free, for client components and the
// lookups in ./lookup.ts. Its twin is ./registry.ts: a vendor is added to both,
// in the same place (tests/unit/provider-registry.test.ts checks they agree).
// Only the list lives here, so that a test can add a vendor to it.
export const CATALOG = [unpodInfo, cllrInfo, hoomanInfo, autocallsInfo, hubtalkInfo] as const;
