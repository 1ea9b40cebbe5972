import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { StandinDraftOrder } from "../../scripts/standin/admin/draft-orders";
import type { CatalogProduct } from "../../scripts/standin/admin/products";
import type { RecordedReturn } from "../../scripts/standin/admin/returns";
import { uniqueShop } from "../support/constants";
import {
  adminApiCalls,
  adminDocument,
  adminFetch,
  appProxyFetch,
  sendWebhook,
  standinUrl,
  storefrontFetch,
} from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";
import { form } from "./admin-support";
import { SUNGLASSES, SUNGLASSES_NODE, returnableShop, setCatalog, store } from "./support";

/**
 * Shop-now exchanges (issue #21): the returned sunglasses ($89.99) spent on any product in stock,
 * plus the policy's bonus (10 % + $5.00: credit $103.99), through the no-JS portal pages.
 */

const TOTE_NATURAL = "gid://shopify/ProductVariant/61000001";
const TOTE_BLACK = "gid://shopify/ProductVariant/61000002";
const JACKET_BROWN = "gid://shopify/ProductVariant/62000001";

const tote = (natural = 5): CatalogProduct => ({
  id: "gid://shopify/Product/610000",
  // A title holding Liquid: the page must show it as text, never run it in the theme.
  title: "Canvas tote {{shop.email}}",
  handle: "canvas-tote",
  status: "ACTIVE",
  tags: ["bags"],
  updatedAt: "2026-11-01T10:00:00Z",
  images: [],
  variants: [
    {
      id: TOTE_NATURAL,
      title: "Natural",
      price: "30.00",
      inventoryQuantity: natural,
      inventoryPolicy: "DENY",
    },
    {
      id: TOTE_BLACK,
      title: "Black",
      price: "20.00",
      inventoryQuantity: 0,
      inventoryPolicy: "DENY",
    },
  ],
});
const jacket = (brown = 1): CatalogProduct => ({
  id: "gid://shopify/Product/620000",
  title: "Leather jacket",
  handle: "leather-jacket",
  status: "ACTIVE",
  tags: ["outerwear"],
  updatedAt: "2026-11-01T10:00:00Z",
  images: [],
  variants: [
    {
      id: JACKET_BROWN,
      title: "Brown",
      price: "250.00",
      inventoryQuantity: brown,
      inventoryPolicy: "DENY",
    },
  ],
});

const post = (shop: string, fields: Record<string, string>) => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return appProxyFetch(shop, "/returns", { init: { method: "POST", body, redirect: "manual" } });
};
const text = (html: string) =>
  html
    .replace(/<style>.*?<\/style>/s, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

async function savePolicyOf(shop: string, policy: Record<string, unknown>) {
  const { savePolicy } = await import("../../app/returns/returns.server");
  await savePolicy(shop, { resolutions: ["refund", "store_credit", "exchange"], ...policy });
}

async function shopNowShop(
  label: string,
  remainderAs: "store_credit" | "refund",
  instantFor: "nobody" | "trusted" = "nobody",
  order: Record<string, unknown> = {},
) {
  const shop = await returnableShop(label, order);
  await setCatalog(shop, [SUNGLASSES_NODE, tote(), jacket()]);
  await savePolicyOf(shop, {
    shopNow: { enabled: true, bonusPercent: 10, bonusAmount: 500, remainderAs, instantFor },
  });
  return shop;
}

/** The shopper returns the sunglasses for a refund through the pages; the status link's token. */
async function returnSunglasses(shop: string) {
  const found = await post(shop, { step: "lookup", order: "#9999", email: "jon@example.com" });
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(await found.text())?.[1];
  const created = await post(shop, {
    step: "submit",
    order: "9999",
    email: "jon@example.com",
    idempotencyKey: key!,
    [`line.${SUNGLASSES}.selected`]: "on",
    [`line.${SUNGLASSES}.quantity`]: "1",
    [`line.${SUNGLASSES}.reason`]: "unwanted",
    [`line.${SUNGLASSES}.resolution`]: "refund",
  });
  expect(created.status).toBe(303);
  const token = new URL(created.headers.get("location")!, "https://shop.example/").searchParams.get(
    "status",
  )!;
  const ret = await waitFor(
    async () =>
      (await db.returnRequest.findFirst({
        where: { shopDomain: shop, shopifyId: { not: null } },
      })) ?? undefined,
    { message: "return created in Shopify" },
  );
  return { token, returnId: ret.id };
}

const page = (shop: string, query: Record<string, string>) =>
  appProxyFetch(shop, "/returns", { query });

const act = (shop: string, returnId: string, intent: string) =>
  adminFetch(shop, `/app/returns/${returnId}.data`, form({ intent }));

describe("shop-now exchanges in the storefront portal", () => {
  it("spends the credit and bonus on another product, never offers sold-out variants, and orders it once the return is processed", async () => {
    const shop = await shopNowShop("shop-now-credit", "store_credit");
    const { token, returnId } = await returnSunglasses(shop);

    const status = await page(shop, { status: token });
    const statusHtml = await status.text();
    expect(text(statusHtml)).toContain("Shop now with $103.99");

    const offer = await page(shop, { status: token, shopnow: "1" });
    expect(offer.status).toBe(200);
    expect(offer.headers.get("content-type")).toBe("application/liquid");
    expect(text(await offer.text())).toContain(
      "Spend $103.99 on anything in the store instead: $89.99 for your items plus a $14.00 bonus.",
    );

    const found = await page(shop, { status: token, shopnow: "1", q: "tote" });
    const results = await found.text();
    expect(results).toContain(`value="${TOTE_NATURAL.split("/").pop()}"`);
    expect(text(results)).toContain("Natural: $30.00");
    // Sold out (DENY at 0): never offered.
    expect(results).not.toContain(TOTE_BLACK.split("/").pop());
    expect(text(results)).not.toContain("Black");
    // The product's Liquid stays text in the theme (the stand-in renders the page as Liquid).
    const themed = await storefrontFetch(
      shop,
      `/returns?${new URLSearchParams({ status: token, shopnow: "1", q: "tote" })}`,
    );
    const themedHtml = await themed.text();
    expect(themedHtml).toContain("theme stand-in");
    expect(themedHtml).not.toContain(`owner@${shop.replace(/\.myshopify\.com$/, "")}`);

    // Instant exchanges are off in this policy: neither offered nor taken when posted anyway.
    expect(text(results)).not.toContain("Ship it now");
    const instant = await post(shop, {
      step: "shopnow",
      status: token,
      variant: TOTE_NATURAL.split("/").pop()!,
      quantity: "1",
      mode: "instant",
    });
    expect(instant.status).toBe(409);
    expect(await db.returnExchange.count({ where: { shopDomain: shop } })).toBe(0);

    const confirmed = await post(shop, {
      step: "shopnow",
      status: token,
      variant: TOTE_NATURAL.split("/").pop()!,
      quantity: "2",
      q: "tote",
    });
    expect(confirmed.status).toBe(303);
    const exchange = await db.returnExchange.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(exchange).toMatchObject({
      returnId,
      status: "ready",
      returnedValue: 8999,
      bonus: 1400,
      credit: 10399,
      subtotal: 6000,
      upcharge: 0,
      remainder: 4399,
      remainderAs: "store_credit",
      invoiceUrl: null,
    });
    const [draft] = await store<StandinDraftOrder[]>(shop, "draftOrders");
    expect(draft).toMatchObject({
      status: "OPEN",
      email: "jon@example.com",
      subtotal: 6000,
      discount: 6000,
      total: 0,
      lines: [{ variantId: TOTE_NATURAL, quantity: 2 }],
    });
    const after = text(await (await page(shop, { status: token })).text());
    expect(after).toContain("Your new items ship once the store has received your return.");
    expect(after).toContain("$43.99 left over becomes store credit.");
    // Spent: no second exchange on the same return.
    expect(after).not.toContain("Shop now with");
    const again = await post(shop, {
      step: "shopnow",
      status: token,
      variant: TOTE_NATURAL.split("/").pop()!,
      quantity: "1",
    });
    expect(again.status).toBe(409);
    expect(await db.returnExchange.count({ where: { shopDomain: shop } })).toBe(1);

    expect((await act(shop, returnId, "receive")).status).toBe(200);
    expect((await act(shop, returnId, "process")).status).toBe(200);
    const ordered = await db.returnExchange.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(ordered.status).toBe("ordered");
    expect(ordered.orderName).toMatch(/^#\d+$/);
    const [shopifyReturn] = await store<RecordedReturn[]>(shop, "returns");
    // The returned value went into the exchange: only the remainder comes back, as store credit.
    expect(shopifyReturn!.processed[0]).toMatchObject({
      financialTransfer: {
        issueRefund: {
          orderTransactions: [],
          refundMethods: [
            { storeCreditRefund: { amount: { amount: "43.99", currencyCode: "USD" } } },
          ],
        },
      },
    });
    const [completed] = await store<StandinDraftOrder[]>(shop, "draftOrders");
    expect(completed!.status).toBe("COMPLETED");
  });

  it("refuses a choice that sold out before confirming, then collects an upcharge through the draft order's invoice and completes once on the paid webhook", async () => {
    const shop = await shopNowShop("shop-now-upcharge", "refund");
    const { token, returnId } = await returnSunglasses(shop);
    const results = await (await page(shop, { status: token, shopnow: "1", q: "jacket" })).text();
    expect(text(results)).toContain("Leather jacket – Brown: $250.00");

    // Someone else bought the last one while the shopper was choosing.
    await setCatalog(shop, [SUNGLASSES_NODE, tote(), jacket(0)]);
    const choice = {
      step: "shopnow",
      status: token,
      variant: JACKET_BROWN.split("/").pop()!,
      quantity: "1",
    };
    const soldOut = await post(shop, choice);
    expect(soldOut.status).toBe(409);
    expect(text(await soldOut.text())).toContain(
      "Sorry, that item just sold out. Choose another one.",
    );
    expect(await db.returnExchange.count({ where: { shopDomain: shop } })).toBe(0);
    expect((await adminApiCalls(shop)).map((call) => call.operationName)).not.toContain(
      "DraftOrderCreate",
    );
    expect(await db.returnLine.count({ where: { returnId, resolution: "exchange" } })).toBe(0);

    // Another shop's portal never reaches this return, even with its signed link.
    const other = uniqueShop("shop-now-other");
    await installShop(other);
    expect((await page(other, { status: token, shopnow: "1" })).status).toBe(404);
    expect((await post(other, choice)).status).toBe(404);

    await setCatalog(shop, [SUNGLASSES_NODE, tote(), jacket(1)]);
    expect((await post(shop, choice)).status).toBe(303);
    const exchange = await db.returnExchange.findFirstOrThrow({ where: { shopDomain: shop } });
    // $250.00 less the $103.99 credit; nothing left over to refund.
    expect(exchange).toMatchObject({ status: "awaiting_payment", upcharge: 14601, remainder: 0 });
    const [draft] = await store<StandinDraftOrder[]>(shop, "draftOrders");
    expect(draft).toMatchObject({ status: "INVOICE_SENT", discount: 10399, total: 14601 });
    expect(exchange.invoiceUrl).toBe(draft!.invoiceUrl);
    expect(await store(shop, "draftOrderInvoices")).toEqual([
      { draftOrderId: draft!.id, to: "jon@example.com", invoiceUrl: draft!.invoiceUrl },
    ]);
    const waiting = await (await page(shop, { status: token })).text();
    expect(text(waiting)).toContain("Pay the difference of $146.01 to complete your exchange.");
    expect(waiting).toContain(`href="${draft!.invoiceUrl}"`);

    // The shopper pays the invoice: Shopify completes the draft into an order and says so.
    const paid = await fetch(
      `${standinUrl()}/__standin/shops/${shop}/draft-orders/${encodeURIComponent(draft!.id)}/pay`,
      { method: "POST" },
    );
    expect(paid.status).toBe(200);
    const { webhooks } = (await paid.json()) as {
      webhooks: { topic: string; status: number; payload: Record<string, unknown> }[];
    };
    expect(webhooks.map(({ topic, status }) => [topic, status])).toEqual([
      ["orders/create", 200],
      ["orders/paid", 200],
      ["draft_orders/update", 200],
    ]);
    const { payload } = webhooks.find((webhook) => webhook.topic === "draft_orders/update")!;
    await waitFor(
      async () =>
        (await db.returnExchange.findFirst({ where: { shopDomain: shop, status: "paid" } })) ??
        undefined,
      { message: "exchange paid" },
    );
    // Shopify delivers at least once: the same update again changes nothing.
    const duplicate = await sendWebhook({
      shop,
      topic: "draft_orders/update",
      body: JSON.stringify(payload),
    });
    expect(duplicate.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await db.returnEvent.count({ where: { returnId, kind: "exchange_paid" } })).toBe(1);
    expect(
      await db.outboxEvent.count({ where: { shopDomain: shop, type: "return.exchange_paid" } }),
    ).toBe(1);
    const done = await db.returnExchange.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(done).toMatchObject({ status: "paid", orderShopifyId: String(payload.order_id) });
    expect(text(await (await page(shop, { status: token })).text())).toContain(
      "Difference paid: your new items are on their way.",
    );

    const admin = text(await (await adminDocument(shop, `/app/returns/${returnId}`)).text());
    expect(admin).toContain("Shop-now exchange");
    expect(admin).toContain("Paid: order created in Shopify");
    expect(admin).toContain("1 × Leather jacket – Brown");
  });

  it("refunds the credit left over without the bonus when the policy says refund", async () => {
    const shop = await shopNowShop("shop-now-refund", "refund");
    const { token, returnId } = await returnSunglasses(shop);
    const confirmed = await post(shop, {
      step: "shopnow",
      status: token,
      variant: TOTE_NATURAL.split("/").pop()!,
      quantity: "1",
    });
    expect(confirmed.status).toBe(303);
    // $89.99 paid, $30.00 spent: $59.99 back (the $14.00 bonus is only worth spending).
    expect(await db.returnExchange.findFirstOrThrow({ where: { shopDomain: shop } })).toMatchObject(
      { status: "ready", remainder: 5999, remainderAs: "refund" },
    );
    expect(text(await (await page(shop, { status: token })).text())).toContain(
      "$59.99 left over is refunded to your original payment.",
    );
    expect((await act(shop, returnId, "receive")).status).toBe(200);
    expect((await act(shop, returnId, "process")).status).toBe(200);
    const [shopifyReturn] = await store<RecordedReturn[]>(shop, "returns");
    const { financialTransfer: transfer } = shopifyReturn!.processed[0] as {
      financialTransfer: {
        issueRefund: { orderTransactions: { transactionAmount: { amount: string } }[] };
      };
    };
    expect(
      transfer.issueRefund.orderTransactions.map((entry) => entry.transactionAmount.amount),
    ).toEqual(["59.99"]);
  });

  it("offers trusted customers an instant exchange: the new items are invoiced in full and ship once paid, the return refunds its value and the bonus when processed", async () => {
    // A real order (test orders are left out of a customer's history).
    const shop = await shopNowShop("shop-now-instant", "store_credit", "trusted", { test: false });
    const { token, returnId } = await returnSunglasses(shop);
    const choice = {
      step: "shopnow",
      status: token,
      variant: TOTE_NATURAL.split("/").pop()!,
      quantity: "1",
      mode: "instant",
    };

    // Flagged as a serial returner (one return per order is enough under this threshold).
    await savePolicyOf(shop, {
      shopNow: { enabled: true, bonusPercent: 10, bonusAmount: 500, instantFor: "trusted" },
      abuse: { serialReturnerMinReturns: 1, serialReturnerMinRate: 0.5 },
    });
    const flagged = await (await page(shop, { status: token, shopnow: "1", q: "tote" })).text();
    expect(text(flagged)).toContain("Natural: $30.00");
    expect(text(flagged)).not.toContain("Ship it now");
    expect((await post(shop, choice)).status).toBe(409);
    expect(await db.returnExchange.count({ where: { shopDomain: shop } })).toBe(0);

    await savePolicyOf(shop, {
      shopNow: { enabled: true, bonusPercent: 10, bonusAmount: 500, instantFor: "trusted" },
    });
    const trusted = await (await page(shop, { status: token, shopnow: "1", q: "tote" })).text();
    expect(text(trusted)).toContain("Ship it now (instant exchange)");
    expect((await post(shop, choice)).status).toBe(303);
    expect(await db.returnExchange.findFirstOrThrow({ where: { shopDomain: shop } })).toMatchObject(
      {
        instant: true,
        status: "awaiting_payment",
        subtotal: 3000,
        upcharge: 3000,
        remainder: 1400,
        remainderAs: "store_credit",
      },
    );
    // Paid in full: no credit on the new order; the return still refunds the sunglasses.
    const [draft] = await store<StandinDraftOrder[]>(shop, "draftOrders");
    expect(draft).toMatchObject({ status: "INVOICE_SENT", appliedDiscount: null, total: 3000 });
    expect(await db.returnLine.findFirstOrThrow({ where: { returnId } })).toMatchObject({
      resolution: "refund",
      amount: 8999,
    });
    expect(text(await (await page(shop, { status: token })).text())).toContain(
      "Instant exchange: pay $30.00 now and your new items ship right away.",
    );

    const paid = await fetch(
      `${standinUrl()}/__standin/shops/${shop}/draft-orders/${encodeURIComponent(draft!.id)}/pay`,
      { method: "POST" },
    );
    expect(paid.status).toBe(200);
    await waitFor(
      async () =>
        (await db.returnExchange.findFirst({ where: { shopDomain: shop, status: "paid" } })) ??
        undefined,
      { message: "instant exchange paid" },
    );

    // The return arrives: its value goes back to the original payment, the bonus as credit.
    expect((await act(shop, returnId, "receive")).status).toBe(200);
    expect((await act(shop, returnId, "process")).status).toBe(200);
    const [shopifyReturn] = await store<RecordedReturn[]>(shop, "returns");
    const { financialTransfer } = shopifyReturn!.processed[0] as {
      financialTransfer: {
        issueRefund: {
          orderTransactions: { transactionAmount: { amount: string } }[];
          refundMethods: { storeCreditRefund: { amount: { amount: string } } }[];
        };
      };
    };
    expect(
      financialTransfer.issueRefund.orderTransactions.map(
        (entry) => entry.transactionAmount.amount,
      ),
    ).toEqual(["89.99"]);
    expect(
      financialTransfer.issueRefund.refundMethods.map(
        (entry) => entry.storeCreditRefund.amount.amount,
      ),
    ).toEqual(["14.00"]);
    const admin = text(await (await adminDocument(shop, `/app/returns/${returnId}`)).text());
    expect(admin).toContain("Instant: paid in full, refunded on receipt");
  });
});
