import type { ProviderModule } from "../types";
import { cllrAdapter } from "./adapter";
import { cllrInfo } from "./info";
import { cllrSample } from "./sample";

export const cllr = { ...cllrInfo, adapter: cllrAdapter, sample: cllrSample } satisfies ProviderModule;
