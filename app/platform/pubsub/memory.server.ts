import { EventEmitter } from "node:events";
import { checkPublish, type Listener, type PubSub } from "./types";

/** One process's listeners: the whole picture on SQLite (one web process), and the fan-out of the others. */
export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: string) {
    checkPublish(channel, message);
    this.deliver(channel, message);
  }

  /** Hands a message to this process's listeners of the channel. */
  deliver(channel: string, message: string) {
    for (const listener of this.emitter.listeners(channel) as Listener[]) {
      try {
        listener(message);
      } catch {
        // One listener's failure (a closed stream) must not keep the message from the others.
      }
    }
  }

  listens(channel: string) {
    return this.emitter.listenerCount(channel) > 0;
  }

  async subscribe(channel: string, listener: Listener) {
    this.emitter.on(channel, listener);
    return async () => {
      this.emitter.off(channel, listener);
    };
  }

  async close() {
    this.emitter.removeAllListeners();
  }
}
