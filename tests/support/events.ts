import { db } from "../../app/db.server";
import type { Subscriber } from "../../app/platform/events/subscribers";
import { waitFor } from "./wait";

/**
 * Waits until a subscriber has finished every event of the shop it hears: a webhook marked
 * processed has only emitted its events, and subscribers react after the commit, asynchronously.
 */
export async function eventsHandled(shop: string, subscriber: Subscriber, timeout = 60_000) {
  await waitFor(
    async () => {
      const unfinished = await db.outboxEvent.count({
        where: {
          shopDomain: shop,
          type: { in: [...subscriber.events] },
          receipts: { none: { subscriber: subscriber.name, state: { in: ["done", "failed"] } } },
        },
      });
      return unfinished === 0;
    },
    { timeout, interval: 100, message: `${subscriber.name} to handle the events of ${shop}` },
  );
}
