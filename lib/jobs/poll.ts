import { pollSource } from "@/lib/polling/poll-sources";
import type { PollOutcome } from "@/lib/polling/types";
import { enqueue, QUEUE } from "./boss";

// A poll job runs one bounded batch and queues the source's next run itself:
// at once while a backlog lasts, after Retry-After when rate limited, after
// the source's interval otherwise. The maintenance job restarts a chain that
// broke (a job that failed all its retries). Errors worth retrying are thrown,
// so the queue retries them with backoff.

export async function runPollJob(sourceId: string): Promise<PollOutcome> {
  const outcome = await pollSource(sourceId);
  const next = async (seconds: number) => enqueue(QUEUE.poll, { sourceId }, { key: sourceId, startAfterSeconds: seconds });

  switch (outcome.status) {
    case "more":
      await next(0);
      break;
    case "rate_limited":
      await next(outcome.retryAfterSec);
      break;
    case "waiting":
      await next((Date.parse(outcome.until) - Date.now()) / 1000);
      break;
    case "done":
      if (outcome.intervalSec > 0) await next(outcome.intervalSec);
      break;
    case "failed":
      if (outcome.retry) throw new Error(outcome.error);
      break;
    case "busy": // another poll of this source is running; it schedules the next one
    case "not_configured": // nothing to poll until an admin adds the API settings
      break;
  }
  return outcome;
}
