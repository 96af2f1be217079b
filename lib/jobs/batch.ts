import { enqueueMany } from "./boss";
import { coalescing } from "./coalesce";
import type { JobData, QueueName } from "./queues";

// Jobs queued by webhooks go out together: those queued while a send is in
// flight wait for it and then go in one statement per queue, so that under
// load the follow-ups of a hundred calls cost a few inserts, not a hundred
// commits. A job that never goes (the database away, the process killed) is
// queued by the maintenance sweeps from the rows its call left (lib/jobs/maintenance.ts).

type Batch = Map<QueueName, Array<{ data: unknown; key?: string }>>;

const jobs = coalescing<Batch>(
  "jobBatch",
  () => new Map(),
  async (batch) => {
    await Promise.all([...batch].map(([queue, items]) => enqueueMany(queue, items as Array<{ data: JobData[typeof queue]; key?: string }>)));
  },
);

/** Queues a job with the next batch; resolves once that batch is sent. */
export function enqueueSoon<Q extends QueueName>(queue: Q, data: JobData[Q], key?: string): Promise<void> {
  return jobs.add((batch) => {
    const items = batch.get(queue) ?? [];
    items.push({ data, key });
    batch.set(queue, items);
  });
}
