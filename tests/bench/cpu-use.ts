import { readdirSync, readFileSync } from "node:fs";

// CPU time (user and system, all threads) that the processes of a run used,
// read from /proc (Linux; elsewhere nothing is printed): what one request
// costs the app, the database and the load generator. Unlike requests per
// second it barely moves when the machine is busier or slower from one run to
// the next, so a change's effect on one part shows even when the totals are noisy.

/** /proc's clock ticks (USER_HZ), 100 on Linux whatever the kernel's own tick. */
const TICKS_PER_SECOND = 100;

function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Every Postgres process of the machine: the server's own and one per connection (another busy Postgres on the
 * machine would count too; a connection that closes within the window takes its time with it, which the pools,
 * keeping theirs open, do not).
 */
function postgresPids(): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, "utf8").trim() === "postgres";
      } catch {
        return false;
      }
    })
    .map(Number);
}

const snapshot = (pids: number[]) => new Map(pids.flatMap((pid) => ((ms) => (ms === null ? [] : [[pid, ms] as const]))(cpuMs(pid))));

/** Milliseconds of CPU between two snapshots; a process that started in between counts from zero. */
function used(before: Map<number, number>, after: Map<number, number>): number {
  return [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
}

export interface CpuUse {
  /** Milliseconds of CPU per request: the server (the app's process, or the peer's), Postgres, this process (the load generator). */
  server: number;
  database: number;
  loadGenerator: number;
}

/** Runs `work` (which makes `requests()` requests) and says what each request cost in CPU; null where /proc is not there. */
export async function measureCpu<T>(serverPid: number, work: () => Promise<T>, requests: (result: T) => number): Promise<{ result: T; cpu: CpuUse | null }> {
  const linux = cpuMs(process.pid) !== null;
  const before = linux ? { server: snapshot([serverPid]), database: snapshot(postgresPids()), self: process.cpuUsage() } : null;
  const result = await work();
  if (!before) return { result, cpu: null };
  const n = Math.max(1, requests(result));
  const self = process.cpuUsage(before.self);
  return {
    result,
    cpu: {
      server: used(before.server, snapshot([serverPid])) / n,
      database: used(before.database, snapshot(postgresPids())) / n,
      loadGenerator: (self.user + self.system) / 1000 / n,
    },
  };
}

export const formatCpu = (cpu: CpuUse | null) => (cpu ? `${cpu.server.toFixed(2)} / ${cpu.database.toFixed(2)} / ${cpu.loadGenerator.toFixed(2)}` : "n/a");
