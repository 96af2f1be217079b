import { defineInfo } from "../info";

export const cllrInfo = defineInfo({
  id: "cllr",
  name: "Cllr",
  capabilities: { webhooks: true, polled: false, recordingsByKey: false, transcriptByUrl: true },
  connect: {
    tokenInUrl: true,
    steps: [
      "In the agent's settings, set webhooks.postCall to this URL.",
      "Cllr does not retry: missed calls can be replayed from the inbox only if they arrived.",
    ],
  },
});
