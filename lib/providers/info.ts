// What the app knows about a vendor besides its payloads: plain data, no zod,
// so that client components can read it without carrying the adapters.

export interface Capabilities {
  /** It posts calls to the source's webhook URL. */
  webhooks: boolean;
  /** The app fetches its calls: its module has a poller (lib/polling). */
  polled: boolean;
  /** Its recordings are object keys in the customer's bucket: its module has the storage settings group (lib/storage/settings.ts). */
  recordingsByKey: boolean;
  /** Its transcript comes as a URL, fetched later by a job. */
  transcriptByUrl: boolean;
}

export interface ProviderInfo {
  /** Stored as sources.provider and calls.provider: never change one. */
  id: string;
  name: string;
  capabilities: Capabilities;
  connect: {
    /** The vendor cannot send a custom header: the secret goes in the URL as ?token=. */
    tokenInUrl: boolean;
    /** Where its console takes the URL and secret, from its own docs. */
    steps: readonly string[];
  };
}

export function defineInfo<const Info extends ProviderInfo>(info: Info): Info {
  return info;
}
