export * from "./catalog";
export { emit, emitAll, transaction } from "./outbox.server";
export { EVENT_JOBS, relayPending, useSubscribers, wakeRelay } from "./relay.server";
export { defineSubscriber, type Subscriber } from "./subscribers";
