import { processTreeCpuSeconds } from "./cpu";

/**
 * A closed-loop load generator: `concurrency` workers each send a request, wait for the answer,
 * send the next, for `durationMs` after a warm-up. Latency is measured per request.
 */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
  /** The server's CPU time (its process tree's user + system) per measured request, when known. */
  cpuMsPerRequest?: number;
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** Sends request number `index`; resolves to the HTTP status. */
  send(index: number): Promise<number>;
  /** Which statuses count as success (default 2xx). */
  ok?: (status: number) => boolean;
  /** The server's process id: its CPU time per request is reported too. */
  serverPid?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export async function runLoad({
  concurrency,
  durationMs,
  warmupMs,
  send,
  ok = (status) => status >= 200 && status < 300,
  serverPid,
}: LoadOptions): Promise<LoadResult> {
  let index = 0;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  const warmupEnds = performance.now() + warmupMs;
  const ends = warmupEnds + durationMs;
  let measuredStart = 0;

  const worker = async () => {
    for (;;) {
      const started = performance.now();
      if (started >= ends) return;
      let status = 0;
      try {
        status = await send(index++);
      } catch {
        status = 0;
      }
      const finished = performance.now();
      if (started < warmupEnds) continue;
      if (!measuredStart) measuredStart = started;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!ok(status)) errors++;
      latencies.push(finished - started);
    }
  };
  let cpuAtStart: number | null = null;
  const cpuClock = setTimeout(() => {
    if (serverPid) cpuAtStart = processTreeCpuSeconds(serverPid);
  }, warmupMs);
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearTimeout(cpuClock);
  const cpuAtEnd = serverPid ? processTreeCpuSeconds(serverPid) : null;
  const seconds = (performance.now() - (measuredStart || warmupEnds)) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    ...(cpuAtStart !== null && cpuAtEnd !== null && latencies.length
      ? { cpuMsPerRequest: ((cpuAtEnd - cpuAtStart) * 1000) / latencies.length }
      : {}),
  };
}
