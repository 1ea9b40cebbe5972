import { describe, expect, it } from "vitest";
import { attributeOrder, type AttributableOrder, type Click } from "./attribution";

const at = (iso: string) => new Date(iso);
const click = (overrides: Partial<Click> = {}): Click => ({
  id: "click-1",
  productId: "B",
  customerShopifyId: "7",
  orderShopifyId: "100",
  createdAt: at("2026-03-01T10:00:00Z"),
  ...overrides,
});
const order = (overrides: Partial<AttributableOrder> = {}): AttributableOrder => ({
  shopifyId: "200",
  customerShopifyId: "7",
  createdAt: at("2026-03-05T10:00:00Z"),
  lines: [
    { productId: "A", revenue: 5000 },
    { productId: "B", revenue: 1999 },
  ],
  ...overrides,
});

describe("attributeOrder", () => {
  it("credits the clicked products' lines of a later order by the same customer", () => {
    expect(attributeOrder(order(), [click()], 7)).toEqual({
      clickId: "click-1",
      productIds: ["B"],
      revenue: 1999,
    });
  });

  it("counts the window inclusively and nothing after it", () => {
    const edge = order({ createdAt: at("2026-03-08T10:00:00Z") });
    expect(attributeOrder(edge, [click()], 7)?.revenue).toBe(1999);
    const late = order({ createdAt: at("2026-03-08T10:00:01Z") });
    expect(attributeOrder(late, [click()], 7)).toBeNull();
    expect(attributeOrder(order(), [click()], 3)).toBeNull();
  });

  it("ignores clicks after the order was placed (its timestamp has whole seconds)", () => {
    const before = order({ createdAt: at("2026-03-01T09:59:59Z") });
    expect(attributeOrder(before, [click()], 7)).toBeNull();
    const sameSecond = click({ createdAt: at("2026-03-01T09:59:59.600Z") });
    expect(attributeOrder(before, [sameSecond], 7)?.revenue).toBe(1999);
  });

  it("needs the same customer: another customer's click or a guest order earns nothing", () => {
    expect(attributeOrder(order(), [click({ customerShopifyId: "8" })], 7)).toBeNull();
    expect(attributeOrder(order(), [click({ customerShopifyId: null })], 7)).toBeNull();
    expect(attributeOrder(order({ customerShopifyId: null }), [click()], 7)).toBeNull();
  });

  it("needs a clicked product in the order, and never credits the order the click was made on", () => {
    expect(attributeOrder(order(), [click({ productId: "Z" })], 7)).toBeNull();
    expect(attributeOrder(order(), [click({ orderShopifyId: "200" })], 7)).toBeNull();
  });

  it("credits one attribution per order: every clicked line, to the latest click", () => {
    const result = attributeOrder(
      order(),
      [
        click({ id: "old", productId: "A", createdAt: at("2026-03-01T08:00:00Z") }),
        click({ id: "new", productId: "B", createdAt: at("2026-03-02T08:00:00Z") }),
        click({ id: "repeat", productId: "B", createdAt: at("2026-02-01T08:00:00Z") }),
      ],
      7,
    );
    expect(result).toEqual({ clickId: "new", productIds: ["A", "B"], revenue: 6999 });
  });
});
