import type { ProviderModule } from "../types";
import { unpodAdapter } from "./adapter";
import { unpodInfo } from "./info";
import { unpodSample } from "./sample";

export const unpod = { ...unpodInfo, adapter: unpodAdapter, sample: unpodSample } satisfies ProviderModule;
