import { db, type Tx } from "../../db.server";
import { log } from "../logging/logger.server";
import { EVENT_CATALOG, type EventInput } from "./catalog";
import { wakeRelay } from "./relay.server";

/**
 * The transactional outbox: a capability writes its events with `emit(tx, event)` inside the
 * transaction that makes the change, so the change and its events commit or roll back together.
 * After commit the relay is woken (see relay.server.ts); its periodic sweep delivers whatever a
 * process that died before waking it left behind.
 */

/** Transactions run through `transaction()`, and whether they emitted anything. */
const managed = new WeakMap<object, { emitted: number }>();

/** Writes one event in the caller's transaction; the data is checked against the catalog. */
export async function emit(tx: Tx, event: EventInput): Promise<void> {
  await emitAll(tx, [event]);
}

/** Writes events in the caller's transaction in one statement, in this order, as `emit` each. */
export async function emitAll(tx: Tx, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  const data = events.map((event) => {
    const definition = EVENT_CATALOG[event.type];
    return {
      shopDomain: event.shop,
      type: event.type,
      version: definition.version,
      aggregate: definition.aggregate,
      aggregateId: event.aggregateId,
      data: JSON.stringify(definition.data.parse(event.data)),
    };
  });
  if (data.length === 1) await tx.outboxEvent.create({ data: data[0]! });
  else await tx.outboxEvent.createMany({ data });
  const state = managed.get(tx);
  if (state) state.emitted += events.length;
  else {
    // A transaction opened without `transaction()` cannot tell us when it commits: wake the relay
    // a little later, and the sweep covers the rest.
    setTimeout(() => void wake(), 1_000).unref();
  }
}

/**
 * `db.$transaction` for changes that emit events: wakes the relay once the transaction has
 * committed (and only if it emitted), so subscribers hear of it at once.
 */
export async function transaction<T>(
  run: (tx: Tx) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  const state = { emitted: 0 };
  const result = await db.$transaction(async (tx) => {
    managed.set(tx, state);
    return run(tx);
  }, options);
  if (state.emitted > 0) await wake();
  return result;
}

async function wake() {
  try {
    await wakeRelay();
  } catch (error) {
    // The events are committed: the sweep delivers them even if this wake-up was lost.
    log().warn({ err: error }, "Could not wake the event relay");
  }
}
