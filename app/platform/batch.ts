/**
 * Group commit: calls made while a batch is being written wait and go together in the next one,
 * so a burst costs a few database round trips instead of one per call. A lone call is written
 * at once (on the next tick), so quiet periods see no added latency.
 */
export function createBatcher<TInput, TOutput>({
  maxSize,
  run,
}: {
  maxSize: number;
  /** Results in the order of the inputs. */
  run: (inputs: TInput[]) => Promise<TOutput[]>;
}) {
  let pending: {
    input: TInput;
    resolve: (output: TOutput) => void;
    reject: (error: unknown) => void;
  }[] = [];
  let writing = false;

  async function flush() {
    if (writing || pending.length === 0) return;
    writing = true;
    const batch = pending.slice(0, maxSize);
    pending = pending.slice(batch.length);
    try {
      const outputs = await run(batch.map((entry) => entry.input));
      batch.forEach((entry, index) => entry.resolve(outputs[index] as TOutput));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      writing = false;
      if (pending.length) setImmediate(flush);
    }
  }

  return function add(input: TInput): Promise<TOutput> {
    return new Promise<TOutput>((resolve, reject) => {
      pending.push({ input, resolve, reject });
      if (!writing && pending.length === 1) setImmediate(flush);
      else if (!writing && pending.length >= maxSize) void flush();
    });
  };
}
