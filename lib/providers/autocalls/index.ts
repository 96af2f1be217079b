import type { ProviderModule } from "../types";
import { autocallsAdapter } from "./adapter";
import { autocallsInfo } from "./info";
import { autocallsSample } from "./sample";

export const autocalls = { ...autocallsInfo, adapter: autocallsAdapter, sample: autocallsSample } satisfies ProviderModule;
