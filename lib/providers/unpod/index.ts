import type { ProviderModule } from "../types";
import { unpodAdapter } from "./adapter";
import { unpodInfo } from "./info";
import { unpodPollingGroup } from "./polling-settings";
import { unpodSample } from "./sample";

export const unpod = {
  ...unpodInfo,
  adapter: unpodAdapter,
  sample: unpodSample,
  settings: [unpodPollingGroup],
  poller: {
    settings: unpodPollingGroup,
    // Loaded when a poll runs: the poller imports through the ingest pipeline, which itself reads this registry.
    poll: async (sourceId) => (await import("./poll")).pollUnpodSource(sourceId),
  },
} satisfies ProviderModule;
