import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseShopifyJson } from "./json";

const fixture = (name: string) =>
  readFileSync(
    path.resolve(import.meta.dirname, "../../../tests/fixtures/shopify/webhooks", name),
    "utf8",
  );

describe("parseShopifyJson", () => {
  it("keeps ids above 2^53 digit for digit", () => {
    const order = parseShopifyJson(fixture("orders__create.json")) as {
      id: unknown;
      customer: { id: unknown };
      line_items: { id: unknown; product_id: unknown }[];
    };
    expect(order.id).toBe("820982911946154508");
    expect(order.customer.id).toBe("115310627314723954");
    expect(order.line_items[0]?.id).toBe("487817672276298554");
    expect(order.line_items[0]?.product_id).toBe("788032119674292922");
    expect(JSON.parse(fixture("orders__create.json")).id).not.toBe(820982911946154508n.toString());
  });

  it("leaves safe integers and decimals as numbers", () => {
    expect(parseShopifyJson('{"a": 123, "b": 89.99, "c": -4, "d": 1e21}')).toEqual({
      a: 123,
      b: 89.99,
      c: -4,
      d: 1e21,
    });
  });
});
