/** Prisma's error for a unique-constraint violation (the same code on SQLite and PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}

/**
 * Runs a read-then-write that can lose an insert race to a concurrent writer (two deliveries
 * about the same record): the loser runs again and now finds the winner's row.
 */
export async function retryOnUniqueViolation<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

/** SQLite's "database is locked"; its extended codes keep it in their low byte. */
const SQLITE_BUSY = 5;

/**
 * SQLite's "database is locked" (another connection held the write lock past the busy timeout),
 * as libsql throws it on the raw path or as Prisma's adapter wraps it (P1008, "Operation has
 * timed out", with SQLite's code kept in the error's meta).
 */
export function isDatabaseLocked(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const failure = error as {
    code?: unknown;
    rawCode?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  };
  if (failure.code === "SQLITE_BUSY") return true;
  const rawCode = failure.rawCode ?? failure.meta?.driverAdapterError?.cause?.originalCode;
  return rawCode !== undefined && (Number(rawCode) & 0xff) === SQLITE_BUSY;
}

/**
 * Runs a write again while SQLite reports the database locked, up to `retries` more times,
 * waiting twice as long before each: another process's transaction (a worker, a script) ends.
 */
export async function retryWhileLocked<T>(
  write: () => Promise<T>,
  { retries = 5, firstDelayMs = 50 }: { retries?: number; firstDelayMs?: number } = {},
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await write();
    } catch (error) {
      if (retry >= retries || !isDatabaseLocked(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** retry));
    }
  }
}
