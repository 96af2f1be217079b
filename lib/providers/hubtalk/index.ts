import { storageGroup } from "@/lib/storage/settings";
import type { ProviderModule } from "../types";
import { hubtalkAdapter } from "./adapter";
import { hubtalkInfo } from "./info";
import { hubtalkSample } from "./sample";

export const hubtalk = { ...hubtalkInfo, adapter: hubtalkAdapter, sample: hubtalkSample, settings: [storageGroup] } satisfies ProviderModule;
