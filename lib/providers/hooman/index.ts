import type { ProviderModule } from "../types";
import { hoomanAdapter } from "./adapter";
import { hoomanInfo } from "./info";
import { hoomanSample } from "./sample";

export const hooman = { ...hoomanInfo, adapter: hoomanAdapter, sample: hoomanSample } satisfies ProviderModule;
