import type { DomainEvent, EventType } from "./catalog";

/**
 * Something that reacts to events: a flow (app/flows) or a capability following its own events.
 * It hears each event of its types at least once, and an aggregate's events in the order they
 * were written; a duplicate of an event it has finished is not delivered again, but a crash
 * mid-handling runs the same event again, so what it does must be safe to repeat.
 */
export interface Subscriber<TType extends EventType = EventType> {
  /** Unique and stable: its receipts are kept under this name ("flows.shipment-emails"). */
  name: string;
  events: readonly TType[];
  handle(event: DomainEvent<TType>): Promise<void>;
}

export function defineSubscriber<TType extends EventType>(
  subscriber: Subscriber<TType>,
): Subscriber {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(subscriber.name)) {
    throw new Error(`Subscriber names are "<owner>.<reaction>": ${subscriber.name}`);
  }
  return subscriber as unknown as Subscriber;
}
