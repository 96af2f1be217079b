import { enqueueMany } from "./boss";
import type { JobData, QueueName } from "./queues";

// Jobs queued by webhooks go out together: those queued while a send is in
// flight wait for it and then go in one statement per queue, so that under
// load the follow-ups of a hundred calls cost a few inserts, not a hundred
// commits. A job that never goes (the database away, the process killed) is
// queued by the maintenance sweeps from the rows its call left (lib/jobs/maintenance.ts).

interface Waiting {
  items: Map<QueueName, Array<{ data: unknown; key?: string }>>;
  done: Promise<void>;
}

const state = ((globalThis as unknown as { jobBatch?: { next: Waiting | null; inFlight: Promise<void> } }).jobBatch ??= {
  next: null,
  inFlight: Promise.resolve(),
});

/** Queues a job with the next batch; resolves once that batch is sent. */
export function enqueueSoon<Q extends QueueName>(queue: Q, data: JobData[Q], key?: string): Promise<void> {
  if (!state.next) {
    const batch: Waiting = { items: new Map(), done: Promise.resolve() };
    // After the send in flight (whatever became of it), so that one statement per queue carries all that waited.
    batch.done = state.inFlight.then(
      () => send(batch),
      () => send(batch),
    );
    state.inFlight = batch.done;
    state.next = batch;
  }
  const items = state.next.items.get(queue) ?? [];
  items.push({ data, key });
  state.next.items.set(queue, items);
  return state.next.done;
}

async function send(batch: Waiting): Promise<void> {
  if (state.next === batch) state.next = null;
  await Promise.all([...batch.items].map(([queue, items]) => enqueueMany(queue, items as Array<{ data: JobData[typeof queue]; key?: string }>)));
}
