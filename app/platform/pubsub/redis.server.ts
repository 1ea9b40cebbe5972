import { Redis } from "ioredis";
import { MemoryPubSub } from "./memory.server";
import { checkPublish, type Listener, type PubSub } from "./types";

/**
 * Redis PUBLISH/SUBSCRIBE: one connection publishes, one subscribes to the channels this process
 * has listeners for (a subscribed Redis connection can do nothing else). ioredis re-subscribes
 * after a reconnect by itself.
 */
export class RedisPubSub implements PubSub {
  private readonly local = new MemoryPubSub();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(url: string) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url);
    this.subscriber.on("message", (channel: string, message: string) =>
      this.local.deliver(channel, message),
    );
  }

  async publish(channel: string, message: string) {
    checkPublish(channel, message);
    await this.publisher.publish(channel, message);
  }

  async subscribe(channel: string, listener: Listener) {
    const first = !this.local.listens(channel);
    const unsubscribe = await this.local.subscribe(channel, listener);
    if (first) await this.subscriber.subscribe(channel);
    return async () => {
      await unsubscribe();
      if (!this.local.listens(channel)) await this.subscriber.unsubscribe(channel).catch(() => {});
    };
  }

  async close() {
    await this.local.close();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
