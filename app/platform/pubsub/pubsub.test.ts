import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "../db/provider";
import { MemoryPubSub } from "./memory.server";
import { PostgresPubSub } from "./postgres.server";
import { RedisPubSub } from "./redis.server";
import type { PubSub } from "./types";

/**
 * Each adapter behind the one interface: two instances stand for two web processes (their own
 * connections), so what one publishes must reach the other's listener, on that channel only.
 */

function nextMessage(bus: PubSub, channel: string) {
  let resolve!: (message: string) => void;
  const received = new Promise<string>((done) => (resolve = done));
  return bus.subscribe(channel, resolve).then((stop) => ({ received, stop }));
}

function contract(name: string, make: () => PubSub, shared: boolean) {
  describe(name, () => {
    const a = make();
    const b = shared ? a : make();
    afterAll(async () => {
      await a.close();
      if (b !== a) await b.close();
    });

    it("delivers a message to the channel's listeners and not to another channel's", async () => {
      const channel = `test:${randomUUID()}`;
      const other: string[] = [];
      const stopOther = await b.subscribe(`test:${randomUUID()}`, (message) => other.push(message));
      const first = await nextMessage(b, channel);
      const second = await nextMessage(b, channel);
      await a.publish(channel, "hello");
      await expect(first.received).resolves.toBe("hello");
      await expect(second.received).resolves.toBe("hello");
      await Promise.all([first.stop(), second.stop(), stopOther()]);
      expect(other).toEqual([]);
    });

    it("stops delivering once a listener unsubscribes", async () => {
      const channel = `test:${randomUUID()}`;
      const seen: string[] = [];
      const stop = await b.subscribe(channel, (message) => seen.push(message));
      await stop();
      // A listener still subscribed proves the second message was delivered before we look.
      const witness = await nextMessage(b, channel);
      await a.publish(channel, "after");
      await expect(witness.received).resolves.toBe("after");
      await witness.stop();
      expect(seen).toEqual([]);
    });

    it("refuses a bad channel name and a message over the size every adapter can carry", async () => {
      await expect(a.publish("no spaces allowed", "x")).rejects.toThrow(/channel/);
      await expect(a.publish("test:big", "x".repeat(8000))).rejects.toThrow(/bytes/);
    });
  });
}

contract("in-process pub/sub", () => new MemoryPubSub(), true);

const url = databaseUrl();
describe.runIf(databaseProvider(url) === "postgresql")("on PostgreSQL", () => {
  contract("LISTEN/NOTIFY between two connections", () => new PostgresPubSub(url), false);
});

// The machine's Redis (the rate-limit tests use it too); REDIS_TEST_URL names another.
contract(
  "Redis PUBLISH/SUBSCRIBE between two connections",
  () => new RedisPubSub(process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379"),
  false,
);
