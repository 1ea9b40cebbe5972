import { describe, expect, it } from "vitest";
import { BulkFileError, parseCatalogLines } from "./bulk";

/** Shaped as Shopify's bulk-operation docs show a products query's JSONL. */
const FILE = [
  `{"id":"gid://shopify/Product/1921569226808","title":"Bean bag","handle":"bean-bag","status":"ACTIVE","tags":["Home","Sale"],"updatedAt":"2026-03-01T10:00:00Z"}`,
  `{"id":"gid://shopify/ProductVariant/19435458986040","price":"70.00","inventoryQuantity":3,"inventoryPolicy":"DENY","__parentId":"gid://shopify/Product/1921569226808"}`,
  `{"id":"gid://shopify/ProductImage/5","url":"https://cdn.shopify.com/bean-bag.png","__parentId":"gid://shopify/Product/1921569226808"}`,
  `{"id":"gid://shopify/Product/1921569259576","title":"Mug","handle":"mug","status":"DRAFT","tags":[],"updatedAt":"2026-03-02T10:00:00Z"}`,
  `{"id":"gid://shopify/ProductVariant/19435459018808","price":"9.50","inventoryQuantity":0,"inventoryPolicy":"CONTINUE","__parentId":"gid://shopify/Product/1921569259576"}`,
  `{"id":"gid://shopify/ProductVariant/19435458986041","price":"65.00","inventoryQuantity":null,"inventoryPolicy":"DENY","__parentId":"gid://shopify/Product/1921569226808"}`,
  "",
];

describe("parseCatalogLines", () => {
  it("puts each product's variants and images under it, in the products/* webhook shape", () => {
    expect(parseCatalogLines(FILE)).toEqual([
      {
        id: "1921569226808",
        title: "Bean bag",
        handle: "bean-bag",
        status: "active",
        tags: "Home, Sale",
        updated_at: "2026-03-01T10:00:00Z",
        images: [{ src: "https://cdn.shopify.com/bean-bag.png" }],
        variants: [
          {
            id: "19435458986040",
            price: "70.00",
            inventory_quantity: 3,
            inventory_policy: "deny",
          },
          {
            id: "19435458986041",
            price: "65.00",
            inventory_quantity: null,
            inventory_policy: "deny",
          },
        ],
      },
      {
        id: "1921569259576",
        title: "Mug",
        handle: "mug",
        status: "draft",
        tags: "",
        updated_at: "2026-03-02T10:00:00Z",
        images: [],
        variants: [
          {
            id: "19435459018808",
            price: "9.50",
            inventory_quantity: 0,
            inventory_policy: "continue",
          },
        ],
      },
    ]);
  });

  it("accepts a child before its parent, as long as the parent is in the file", () => {
    const [product] = parseCatalogLines([FILE[1]!, FILE[0]!]);
    expect(product?.variants).toHaveLength(1);
  });

  it("names the line of a malformed file", () => {
    expect(() => parseCatalogLines([FILE[0]!, "{not json"])).toThrow(
      new BulkFileError("line 2: not JSON"),
    );
    expect(() => parseCatalogLines([`{"id":"gid://shopify/Order/1","name":"#1"}`])).toThrow(
      "line 1: not a product",
    );
    expect(() => parseCatalogLines([FILE[1]!])).toThrow(
      "line 1: parent gid://shopify/Product/1921569226808 not in the file",
    );
    expect(() =>
      parseCatalogLines([FILE[0]!, `{"foo":1,"__parentId":"gid://shopify/Product/1921569226808"}`]),
    ).toThrow("line 2: not a variant or an image");
  });
});
