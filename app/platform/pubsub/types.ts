/** Called with each message published on a channel this process listens to. */
export type Listener = (message: string) => void;

/**
 * Messages between the app's web processes: whoever publishes on a channel reaches every listener
 * of that channel in every process. Messages are small signals ("conversation X has a new
 * message"); the data itself is read from the database, so a listener that misses one (a
 * reconnect) loses nothing but a nudge.
 */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Starts listening; resolves once messages published from now on will arrive. */
  subscribe(channel: string, listener: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Channel names are ASCII words joined by ':' (a shop domain or an id at most). */
export const CHANNEL = /^[\w.:-]{1,200}$/;
/** PostgreSQL's NOTIFY payload limit is 8,000 bytes; every adapter keeps to it. */
export const MAX_MESSAGE_BYTES = 7000;

export function checkPublish(channel: string, message: string) {
  if (!CHANNEL.test(channel))
    throw new Error(`pubsub: bad channel name ${JSON.stringify(channel)}`);
  if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES) {
    throw new Error(`pubsub: a message on ${channel} is over ${MAX_MESSAGE_BYTES} bytes`);
  }
}
