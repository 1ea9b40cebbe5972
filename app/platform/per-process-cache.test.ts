import { describe, expect, it } from "vitest";
import { perProcessCache } from "./per-process-cache";

/** A load that waits until released, counting its calls. */
function gatedLoad() {
  let value = "old";
  let calls = 0;
  const waiting: (() => void)[] = [];
  return {
    load: async (shop: string) => {
      calls++;
      const read = `${shop}:${value}`;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return read;
    },
    change: (next: string) => (value = next),
    release: () => waiting.splice(0).forEach((resolve) => resolve()),
    calls: () => calls,
  };
}

describe("perProcessCache", () => {
  it("loads a shop once for concurrent reads and keeps it, each shop apart", async () => {
    const source = gatedLoad();
    const cache = perProcessCache(60_000, source.load);
    const reads = [cache.get("a"), cache.get("a"), cache.get("b")];
    source.release();
    expect(await Promise.all(reads)).toEqual(["a:old", "a:old", "b:old"]);
    expect(await cache.get("a")).toBe("a:old");
    expect(source.calls()).toBe(2);
  });

  it("reads again after forget, and a load under way when the shop is forgotten is not kept", async () => {
    const source = gatedLoad();
    const cache = perProcessCache(60_000, source.load);
    const during = cache.get("a");
    source.change("new");
    cache.forget("a");
    setTimeout(source.release, 0);
    setTimeout(source.release, 5);
    expect(await during).toBe("a:new");
    const after = cache.get("a");
    setTimeout(source.release, 0);
    expect(await after).toBe("a:new");
  });

  it("keeps null, what a shop with nothing saved reads as", async () => {
    let calls = 0;
    const cache = perProcessCache(60_000, async () => (calls++, null));
    expect(await cache.get("a")).toBeNull();
    expect(await cache.get("a")).toBeNull();
    expect(calls).toBe(1);
  });
});
