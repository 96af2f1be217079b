import { openConfig } from "./config";
import { destinationKind, type DestinationKind } from "./kinds/lookup";
import type { SendInput, SendResult } from "./types";

/** Sends one event with the kind's sender, the saved config opened; never throws. */
export async function sendTo(kind: DestinationKind, config: unknown, input: SendInput): Promise<SendResult> {
  try {
    return await destinationKind(kind).send(openConfig(kind, config), input);
  } catch (e) {
    // The saved settings cannot be opened (SECRETS_KEY changed without
    // SECRETS_KEY_PREVIOUS): say so in the log rather than retry blindly.
    return { ok: false, status: null, excerpt: `The destination's saved settings cannot be read: ${(e as Error).message}`, permanent: true };
  }
}

/** Seconds between two requests to one destination of this kind. */
export const rateIntervalSec = (kind: DestinationKind) => destinationKind(kind).rateIntervalSec;
