import { readdirSync, readFileSync } from "node:fs";

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8")
        .split(" ")
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * CPU seconds (user + system) a process and its descendants have used so far, from /proc: what
 * a request costs the server, which — unlike throughput — does not depend on how busy the other
 * processes of a shared machine keep the cores. Null where /proc is missing (not Linux).
 */
export function processTreeCpuSeconds(pid: number): number | null {
  let ticks = 0;
  try {
    const pending = [pid];
    while (pending.length) {
      const current = pending.pop()!;
      // Fields after the command name (which may hold spaces): utime is the 14th, stime the 15th.
      const stat = readFileSync(`/proc/${current}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      pending.push(...children(current));
    }
  } catch {
    return null;
  }
  return ticks / TICKS_PER_SECOND;
}
