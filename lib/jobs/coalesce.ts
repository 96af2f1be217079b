// Work asked for while a batch is being written waits for that write, then
// goes out with everything else asked for meanwhile, in one batch: under load
// the follow-ups of a hundred webhooks cost a few statements, not a hundred
// commits, and with no load each goes at once.

interface Pending<T> {
  batch: T;
  done: Promise<void>;
}

interface State<T> {
  next: Pending<T> | null;
  inFlight: Promise<void>;
}

export interface Coalescing<T> {
  /** Adds to the next batch (`fill` gets it); resolves once that batch is written, rejects if its write failed. */
  add(fill: (batch: T) => void): Promise<void>;
  /** Resolves once every batch asked for so far is written (or failed). */
  written(): Promise<void>;
}

/**
 * Batches made by `empty`, written one after the other by `write`. `name` keeps one state per process for all
 * the bundles Next.js makes of a module.
 */
export function coalescing<T>(name: string, empty: () => T, write: (batch: T) => Promise<void>): Coalescing<T> {
  const states = ((globalThis as unknown as { coalescing?: Map<string, unknown> }).coalescing ??= new Map());
  if (!states.has(name)) states.set(name, { next: null, inFlight: Promise.resolve() } satisfies State<T>);
  const state = states.get(name) as State<T>;

  const run = async (pending: Pending<T>) => {
    if (state.next === pending) state.next = null;
    await write(pending.batch);
  };
  return {
    add(fill) {
      if (!state.next) {
        const pending: Pending<T> = { batch: empty(), done: Promise.resolve() };
        // After the write in flight, whatever became of it.
        pending.done = state.inFlight.then(
          () => run(pending),
          () => run(pending),
        );
        state.inFlight = pending.done.catch(() => {});
        state.next = pending;
      }
      fill(state.next.batch);
      return state.next.done;
    },
    written: () => state.inFlight,
  };
}
