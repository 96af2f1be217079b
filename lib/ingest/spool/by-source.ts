import { readFile } from "node:fs/promises";
import { listSpoolFiles } from "./files";
import { spoolDir } from "./index";
import { decodeRecords } from "./record";

export interface Spooled {
  count: number;
  /** When the oldest of them arrived. */
  oldestAt: Date;
}

/** The webhooks waiting in this machine's spool, by source id (read only when there are files: normally there are none). */
export async function spooledBySource(): Promise<Map<string, Spooled>> {
  const bySource = new Map<string, Spooled>();
  for (const file of await listSpoolFiles(spoolDir())) {
    const data = await readFile(file.path).catch(() => Buffer.alloc(0)); // drained meanwhile
    for (const event of decodeRecords(data, () => {})) {
      const at = new Date(event.receivedAt);
      const seen = bySource.get(event.sourceId);
      bySource.set(event.sourceId, { count: (seen?.count ?? 0) + 1, oldestAt: seen && seen.oldestAt < at ? seen.oldestAt : at });
    }
  }
  return bySource;
}
