import { defineInfo } from "../info";

export const hoomanInfo = defineInfo({
  id: "hooman",
  name: "Hooman Labs",
  capabilities: { webhooks: true, polled: false, recordingsByKey: false, transcriptByUrl: false },
  connect: {
    tokenInUrl: false,
    steps: [
      "Agents → your agent → Edit → Post Call API, and toggle it on.",
      'Method POST, this URL, Headers {"content-type": "application/json", "X-Webhook-Secret": "<the secret>"}.',
      "Leave Body empty to send the whole post-call object, then publish.",
    ],
  },
});
