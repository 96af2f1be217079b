import { defineInfo } from "@/lib/providers/info";

// A vendor that exists only in tests (tests/unit/provider-new-vendor.test.ts),
// shaped like a real module: it posts webhooks and, like HubTalk, sends its
// recordings as storage keys, so the storage settings and alert must follow.
export const throwawayInfo = defineInfo({
  id: "throwaway",
  name: "Throwaway Voice",
  capabilities: { webhooks: true, polled: false, recordingsByKey: true, transcriptByUrl: false },
  connect: { tokenInUrl: true, steps: ["Paste this URL as the post-call webhook."] },
});
