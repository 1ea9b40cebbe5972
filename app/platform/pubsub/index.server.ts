import { config } from "../../config.server";
import { MemoryPubSub } from "./memory.server";
import { PostgresPubSub } from "./postgres.server";
import { RedisPubSub } from "./redis.server";
import type { PubSub } from "./types";

export type { Listener, PubSub } from "./types";
export { MemoryPubSub, PostgresPubSub, RedisPubSub };

/** Redis when REDIS_URL is set, else PostgreSQL's LISTEN/NOTIFY, else (SQLite: one process) memory. */
export function createPubSub(): PubSub {
  const { REDIS_URL, databaseProvider, databaseUrl } = config();
  if (REDIS_URL) return new RedisPubSub(REDIS_URL);
  if (databaseProvider === "postgresql") return new PostgresPubSub(databaseUrl);
  return new MemoryPubSub();
}

declare global {
  var __aftercarePubSub: PubSub | undefined;
}

/** The process's pub/sub, kept across dev-server reloads like the database connection. */
export function pubsub(): PubSub {
  return (globalThis.__aftercarePubSub ??= createPubSub());
}
