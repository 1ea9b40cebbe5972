import { describe, expect, it } from "vitest";
import { fromGid, shopifyIdOf, toGid } from "./gid";

describe("Shopify global ids", () => {
  it("round-trips ids above 2^53 as text", () => {
    const gid = toGid("Order", "820982911946154508");
    expect(gid).toBe("gid://shopify/Order/820982911946154508");
    expect(fromGid(gid)).toBe("820982911946154508");
    expect(shopifyIdOf(gid)).toBe("820982911946154508");
    expect(shopifyIdOf(450789469)).toBe("450789469");
  });

  it("rejects what is not an id", () => {
    expect(() => fromGid("gid://shopify/Order/")).toThrow();
    expect(() => shopifyIdOf("12a")).toThrow();
  });
});
