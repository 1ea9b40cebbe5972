import { AsyncLocalStorage } from "node:async_hooks";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Mutex } from "async-mutex";

const background = new AsyncLocalStorage<boolean>();

/**
 * Marks work as background (job workers). Where the database is a single serialized connection
 * (embedded SQLite), requests go first, so a webhook is acknowledged within Shopify's timeout
 * even while the workers chew through a backlog.
 */
export function runAsBackgroundWork<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/**
 * Runs one database call under the connection's lock, requests ahead of background work. libsql
 * executes statements synchronously, so a job's chain of queries would otherwise run from one
 * microtask to the next without ever letting the event loop read an incoming request: background
 * calls first yield a turn of the loop.
 */
export async function withConnectionLock<T>(lock: Mutex, call: () => Promise<T>): Promise<T> {
  if (!background.getStore()) return lock.runExclusive(call, 1);
  await nextTurn();
  return lock.runExclusive(call, 0);
}

/** Acquires the lock for a transaction, with the same ordering as `withConnectionLock`. */
export async function acquireConnectionLock(lock: Mutex) {
  if (!background.getStore()) return lock.acquire(1);
  await nextTurn();
  return lock.acquire(0);
}
