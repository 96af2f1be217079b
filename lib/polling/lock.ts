import { withTryLock } from "@/lib/db/try-lock";

// The lock's name dates from when Unpod was the only polled vendor; it stays so
// that a process of the previous version and one of this never poll one source at once.

/** Runs `work` only if no other process is polling this source (null if one is); the lock goes with the connection. */
export function withSourceLock<T>(sourceId: string, work: () => Promise<T>): Promise<T | null> {
  return withTryLock(`unpod-poll:${sourceId}`, work);
}
