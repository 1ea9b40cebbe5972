import pg from "pg";
import { postgresConnectionFields } from "../db/provider";
import { MemoryPubSub } from "./memory.server";
import { checkPublish, type Listener, type PubSub } from "./types";

/** The one PostgreSQL channel every process LISTENs on; our channel names travel in the payload. */
const PG_CHANNEL = "aftercare_pubsub";
const RECONNECT_MS = 1000;

/**
 * LISTEN/NOTIFY: each process keeps one connection LISTENing on one PostgreSQL channel and fans
 * messages out to its own listeners. One channel rather than one per conversation keeps the
 * connection's LISTEN set fixed (a conversation opened or closed costs no round trip) at the
 * price of every process seeing every nudge, which are a few bytes each.
 */
export class PostgresPubSub implements PubSub {
  private readonly local = new MemoryPubSub();
  private readonly pool: pg.Pool;
  private listening: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(private readonly url: string) {
    this.pool = new pg.Pool({ ...postgresConnectionFields(url), max: 2 });
  }

  private listen(): Promise<pg.Client> {
    this.listening ??= (async () => {
      const client = new pg.Client(postgresConnectionFields(this.url));
      const reconnect = () => {
        client.removeAllListeners();
        client.end().catch(() => {});
        this.listening = null;
        if (!this.closed)
          setTimeout(() => !this.closed && this.listen().catch(() => {}), RECONNECT_MS);
      };
      client.on("error", reconnect);
      client.on("notification", ({ channel, payload }) => {
        if (channel !== PG_CHANNEL || !payload) return;
        try {
          const [name, message] = JSON.parse(payload) as [string, string];
          this.local.deliver(name, message);
        } catch {
          // Not one of ours: ignored.
        }
      });
      await client.connect();
      await client.query(`LISTEN ${PG_CHANNEL}`);
      return client;
    })().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  async publish(channel: string, message: string) {
    checkPublish(channel, message);
    await this.pool.query("SELECT pg_notify($1, $2)", [
      PG_CHANNEL,
      JSON.stringify([channel, message]),
    ]);
  }

  async subscribe(channel: string, listener: Listener) {
    await this.listen();
    return this.local.subscribe(channel, listener);
  }

  async close() {
    this.closed = true;
    await this.local.close();
    const client = await this.listening?.catch(() => null);
    await client?.end().catch(() => {});
    await this.pool.end();
  }
}
