/**
 * Time and memory of one piece of work inside its own process (the build benchmarks run the
 * subject and its floor as separate processes, so neither inherits the other's heap).
 */
export interface RunMeasure {
  seconds: number;
  /** Peak resident set size of the process (the OS's figure, imports included). */
  peakRssMb: number;
  /** Resident set size just before the work started (after imports). */
  startRssMb: number;
  /** Peak V8 heap in use during the work, sampled every 5 ms. */
  peakHeapMb: number;
}

const MB = 1024 * 1024;

export async function measure<T>(
  work: () => Promise<T>,
): Promise<{ measure: RunMeasure; value: T }> {
  const startRssMb = process.memoryUsage().rss / MB;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 5);
  const started = performance.now();
  try {
    const value = await work();
    const seconds = (performance.now() - started) / 1000;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    return {
      value,
      measure: {
        seconds,
        // maxRSS is in kilobytes.
        peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
        startRssMb,
        peakHeapMb: peakHeap / MB,
      },
    };
  } finally {
    clearInterval(sampler);
  }
}
