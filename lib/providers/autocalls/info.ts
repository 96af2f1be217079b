import { defineInfo } from "../info";

export const autocallsInfo = defineInfo({
  id: "autocalls",
  name: "Autocalls",
  capabilities: { webhooks: true, polled: false, recordingsByKey: false, transcriptByUrl: false },
  connect: {
    tokenInUrl: true,
    steps: ["In the assistant's settings, set this as the webhook URL.", 'Enable "Post call webhook" and "Include recording in webhook".'],
  },
});
