import { spoolStats } from "./files";
import { spoolDir } from "./index";

export interface SpoolStatus {
  /** Files waiting to be drained, of every app process on this machine. */
  files: number;
  bytes: number;
  /** When the oldest waiting file was started, and how long ago (seconds). */
  oldestAt: string | null;
  ageSec: number | null;
}

/** What the spool holds now (the health endpoint, the Sources page, the alert). */
export async function spoolStatus(now = Date.now()): Promise<SpoolStatus> {
  const { files, bytes, oldestAt } = await spoolStats(spoolDir());
  return { files, bytes, oldestAt: oldestAt?.toISOString() ?? null, ageSec: oldestAt ? Math.max(0, Math.round((now - oldestAt.getTime()) / 1000)) : null };
}
