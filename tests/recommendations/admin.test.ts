import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { CatalogProduct } from "../../scripts/standin/admin/products";
import { uniqueShop } from "../support/constants";
import { adminApiCalls, adminDocument, adminFetch, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";
import { checkoutFetch, shopWithHistory } from "./history";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

async function recommendationsFor(shop: string, customerId: string, orderId: string) {
  const response = await checkoutFetch(shop, customerId, `/api/recommendations/orders/${orderId}`);
  return ((await response.json()) as { products: { productId: string; cartUrl: string }[] })
    .products;
}

describe("recommendations admin", () => {
  it("saves settings that the thank-you endpoint then uses: number shown, offer code, exclusions", async () => {
    const { shop, products, latestOrderId, customerId } = await shopWithHistory("rec-admin");
    const [b, c] = [String(products.b.id), String(products.c.id)];
    const save = (fields: Record<string, string>) =>
      adminFetch(shop, "/app/recommendations.data", form({ intent: "settings", ...fields }));
    const valid = { maxShown: "1", excludedTags: "", attributionDays: "3", offerCode: "THANKS10" };
    for (const invalid of [
      { ...valid, maxShown: "0" },
      { ...valid, attributionDays: "90" },
      { ...valid, offerCode: "TEN OFF/../" },
    ]) {
      expect((await save(invalid)).status).toBe(400);
    }
    expect(await db.recommendationSettings.count({ where: { shopDomain: shop } })).toBe(0);

    expect((await save(valid)).status).toBe(200);
    const [first, ...rest] = await recommendationsFor(shop, customerId, latestOrderId);
    expect(rest).toEqual([]);
    expect(first?.productId).toBe(b);
    expect(first?.cartUrl).toMatch(
      new RegExp(`^https://${shop}/discount/THANKS10\\?redirect=/cart/\\d+:1$`),
    );

    // Excluding B (found by searching its title) leaves C; removing the code gives a plain cart link.
    const search = await adminDocument(
      shop,
      `/app/recommendations?q=${encodeURIComponent(products.b.title)}`,
    );
    expect(await search.text()).toContain(`Exclude ${products.b.title}`);
    const excluded = await adminFetch(
      shop,
      "/app/recommendations.data",
      form({ intent: "exclude", productId: b }),
    );
    expect(excluded.status).toBe(200);
    await save({ ...valid, offerCode: "" });
    const [next] = await recommendationsFor(shop, customerId, latestOrderId);
    expect(next?.productId).toBe(c);
    expect(next?.cartUrl).toMatch(new RegExp(`^https://${shop}/cart/\\d+:1$`));
    expect(
      await db.recommendationSettings.findUniqueOrThrow({ where: { shopDomain: shop } }),
    ).toMatchObject({ maxShown: 1, attributionDays: 3, offerCode: null, excludedProducts: b });

    // Tag exclusions apply too (the fixture's products are all tagged "mens"), in any case.
    await save({ ...valid, excludedTags: "MENS" });
    expect(await recommendationsFor(shop, customerId, latestOrderId)).toEqual([]);
    const page = await (await adminDocument(shop, "/app/recommendations")).text();
    expect(page).toContain(`Recommend ${products.b.title} again`);
    expect(page).toContain("No recommended products yet");

    // Another shop's admin saves its own settings, never this shop's.
    const other = uniqueShop("rec-admin-other");
    await installShop(other);
    await adminFetch(
      other,
      "/app/recommendations.data",
      form({ intent: "settings", ...valid, maxShown: "8" }),
    );
    expect(
      (await db.recommendationSettings.findUniqueOrThrow({ where: { shopDomain: shop } })).maxShown,
    ).toBe(1);
  });

  it("imports the catalog through a bulk operation, its progress reaching 100 %", async () => {
    const shop = uniqueShop("rec-bulk");
    await installShop(shop);
    const product = (n: number, extra: Partial<CatalogProduct> = {}): CatalogProduct => ({
      id: `gid://shopify/Product/${7000 + n}`,
      title: `Imported ${n}`,
      handle: `imported-${n}`,
      status: "ACTIVE",
      tags: ["Imported"],
      updatedAt: "2026-03-01T10:00:00Z",
      images: [
        { id: `gid://shopify/ProductImage/${8000 + n}`, url: `https://cdn.example.com/${n}.png` },
      ],
      variants: [
        {
          id: `gid://shopify/ProductVariant/${9000 + n}`,
          price: `${10 + n}.50`,
          inventoryQuantity: 5,
          inventoryPolicy: "DENY",
        },
        {
          id: `gid://shopify/ProductVariant/${9500 + n}`,
          price: `${5 + n}.00`,
          inventoryQuantity: 0,
          inventoryPolicy: "DENY",
        },
      ],
      ...extra,
    });
    const catalog = [
      ...Array.from({ length: 250 }, (_, n) => product(n)),
      product(250, { status: "DRAFT" }),
      product(251, { tags: ["aftercare-exclude"] }),
    ];
    await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/catalog`, {
      method: "POST",
      body: JSON.stringify(catalog),
    });

    const before = await (await adminDocument(shop, "/app/recommendations")).text();
    expect(before).toContain("import them all at once");
    const started = await adminFetch(shop, "/app/recommendations.data", form({ intent: "import" }));
    expect(started.status).toBe(200);
    const running = await db.recommendationImport.findFirstOrThrow({ where: { shopDomain: shop } });
    // Shopify also says when the file is ready; the import runs once either way.
    await sendWebhook({
      shop,
      topic: "bulk_operations/finish",
      body: JSON.stringify({
        admin_graphql_api_id: running.bulkOperationId,
        completed_at: new Date().toISOString(),
        created_at: running.createdAt.toISOString(),
        error_code: null,
        status: "completed",
        type: "query",
      }),
    });
    // A second click while it runs starts nothing new.
    await adminFetch(shop, "/app/recommendations.data", form({ intent: "import" }));

    const done = await waitFor(
      async () => {
        const row = await db.recommendationImport.findFirstOrThrow({ where: { id: running.id } });
        return row.status === "completed" ? row : undefined;
      },
      { timeout: 30_000, interval: 20, message: "the catalog import" },
    );
    expect(done).toMatchObject({ total: 252, imported: 252, objectCount: 252 * 4, error: null });
    expect(await db.recommendationImport.count({ where: { shopDomain: shop } })).toBe(1);
    expect(await db.recommendationProduct.count({ where: { shopDomain: shop } })).toBe(252);
    expect(
      await db.recommendationProduct.findUniqueOrThrow({
        where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId: "7003" } },
      }),
    ).toMatchObject({
      title: "Imported 3",
      handle: "imported-3",
      price: 1350,
      variantId: "9003",
      imageUrl: "https://cdn.example.com/3.png",
      tags: "imported",
      available: true,
    });
    const unavailable = await db.recommendationProduct.findMany({
      where: { shopDomain: shop, available: false },
      select: { shopifyId: true },
      orderBy: { shopifyId: "asc" },
    });
    expect(unavailable.map((row) => row.shopifyId)).toEqual(["7250", "7251"]);

    const page = await (await adminDocument(shop, "/app/recommendations")).text();
    expect(page).toContain("Catalog import 100 percent");
    expect(page).toContain("252 products imported");
    const calls = await adminApiCalls(shop);
    const catalogQueries = calls.filter(
      (call) =>
        call.operationName === "BulkQueryRun" && String(call.variables.query).includes("products"),
    );
    expect(catalogQueries).toHaveLength(1);
    expect(calls.map((call) => call.operationName)).toContain("BulkQueryStatus");
    expect(
      await db.webhookDelivery.findFirst({
        where: { shopDomain: shop, topic: "bulk_operations/finish" },
        select: { status: true },
      }),
    ).toEqual({ status: "processed" });
  });
});
