import { defineInfo } from "../info";

export const hubtalkInfo = defineInfo({
  id: "hubtalk",
  name: "HubTalk",
  // Recordings are S3 keys: they play only once the source has storage settings.
  capabilities: { webhooks: true, polled: false, recordingsByKey: true, transcriptByUrl: false },
  connect: {
    tokenInUrl: true,
    steps: ["In the agent editor, open Webhook in the right panel and paste this URL.", "Add the source's storage settings so that recordings (S3 keys) play."],
  },
});
