import { defineInfo } from "../info";

export const unpodInfo = defineInfo({
  id: "unpod",
  name: "Unpod",
  // No push: its task API is polled with the source's polling settings.
  capabilities: { webhooks: false, polled: true, recordingsByKey: false, transcriptByUrl: false },
  connect: {
    tokenInUrl: false,
    steps: ["Unpod has no webhooks: add its API token, space token and org handle under Polling, and the app polls its task API."],
  },
});
