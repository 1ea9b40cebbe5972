import { describe, expect, it } from "vitest";
import { dashboard } from "../../app/analytics/dashboard.server";
import { db } from "../../app/db.server";
import { dayInZone, nextDay } from "../../app/platform/calendar";
import type { StandinOrder } from "../../scripts/standin/admin/bulk";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { adminApiCalls, adminDocument, adminFetch, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const DAY = 86_400_000;
const ORDER_BASE = 5_550_000_000_000;

/**
 * An order as Shopify's Admin GraphQL `Order` describes it (the fields of the app's bulk query,
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/Order), placed `daysAgo` days ago.
 */
function historyOrder(
  n: number,
  daysAgo: number,
  { label = "H", customer = n % 15, amount = `${20 + n}.00` } = {},
): StandinOrder {
  const createdAt = new Date(Date.now() - daysAgo * DAY).toISOString();
  const fulfilledAt = new Date(Date.now() - daysAgo * DAY + 3_600_000).toISOString();
  const money = (value: string) => ({
    shopMoney: { amount: value, currencyCode: "USD" },
    presentmentMoney: { amount: value, currencyCode: "USD" },
  });
  return {
    id: `gid://shopify/Order/${ORDER_BASE + n}`,
    name: `#${label}${1000 + n}`,
    email: `shopper${customer}@example.com`,
    createdAt,
    updatedAt: fulfilledAt,
    processedAt: createdAt,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    currencyCode: "USD",
    presentmentCurrencyCode: "USD",
    test: false,
    tags: ["imported"],
    customerLocale: "en",
    statusPageUrl: `https://example.com/orders/${n}`,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "FULFILLED",
    totalPriceSet: money(amount),
    currentTotalPriceSet: money(amount),
    subtotalPriceSet: money(amount),
    totalDiscountsSet: money("0.00"),
    totalShippingPriceSet: money("0.00"),
    totalTaxSet: money("0.00"),
    customer: {
      id: `gid://shopify/Customer/${ORDER_BASE + customer}`,
      email: `shopper${customer}@example.com`,
      firstName: `Shopper${customer}`,
      lastName: "Past",
      phone: null,
    },
    shippingAddress: {
      firstName: `Shopper${customer}`,
      lastName: "Past",
      name: `Shopper${customer} Past`,
      company: null,
      address1: "1 Main St",
      address2: null,
      city: "Ottawa",
      province: "Ontario",
      provinceCode: "ON",
      zip: "K1A 0A1",
      country: "Canada",
      countryCodeV2: "CA",
      phone: null,
    },
    fulfillments: [
      {
        id: `gid://shopify/Fulfillment/${ORDER_BASE + n}`,
        name: `#${label}${1000 + n}.1`,
        status: "SUCCESS",
        displayStatus: "DELIVERED",
        createdAt: fulfilledAt,
        updatedAt: fulfilledAt,
        trackingInfo: [
          { company: "UPS", number: `HIST${label}${n}X`, url: `https://ups.example/${n}` },
        ],
      },
    ],
    lineItems: [
      {
        id: `gid://shopify/LineItem/${ORDER_BASE + n * 10}`,
        title: "Trail mug",
        variantTitle: "Blue",
        quantity: 1,
        currentQuantity: 1,
        sku: "MUG-B",
        requiresShipping: true,
        isGiftCard: false,
        product: { id: "gid://shopify/Product/777" },
        variant: { id: "gid://shopify/ProductVariant/7771" },
        originalUnitPriceSet: money(amount),
        totalDiscountSet: money("0.00"),
      },
      {
        id: `gid://shopify/LineItem/${ORDER_BASE + n * 10 + 1}`,
        title: "Sticker",
        variantTitle: null,
        quantity: 2,
        currentQuantity: 2,
        sku: null,
        requiresShipping: true,
        isGiftCard: false,
        product: null,
        variant: null,
        originalUnitPriceSet: money("0.00"),
        totalDiscountSet: money("0.00"),
      },
    ],
  };
}

async function shopifyHolds(shop: string, orders: StandinOrder[]) {
  const response = await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/orders`, {
    method: "POST",
    body: JSON.stringify(orders),
  });
  expect(response.status).toBe(200);
}

const imports = (shop: string) =>
  db.historyImport.findMany({ where: { shopDomain: shop }, orderBy: { createdAt: "asc" } });

async function importFinished(shop: string, count: number) {
  return waitFor(
    async () => {
      const rows = await imports(shop);
      return rows.length === count && rows.every((row) => row.status === "completed")
        ? rows
        : undefined;
    },
    { timeout: 60_000, interval: 200, message: `${count} history imports of ${shop} completed` },
  );
}

const importForm = (months: string) => ({
  method: "POST",
  body: new URLSearchParams({ intent: "import-history", months }),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

/** Every row the import writes, with its last write time: a second import must change none. */
async function snapshot(shop: string) {
  const where = { shopDomain: shop };
  return {
    orders: await db.order.findMany({
      where,
      orderBy: { shopifyId: "asc" },
      select: {
        shopifyId: true,
        name: true,
        totalPrice: true,
        shopifyUpdatedAt: true,
        updatedAt: true,
      },
    }),
    lineItems: await db.orderLineItem.count({ where }),
    customers: await db.customer.findMany({
      where,
      orderBy: { shopifyId: "asc" },
      select: { shopifyId: true, updatedAt: true },
    }),
    shipments: await db.trackingShipment.findMany({
      where,
      orderBy: { trackingNumber: "asc" },
      select: { trackingNumber: true, tag: true, updatedAt: true },
    }),
  };
}

describe("day-one history", () => {
  it("imports the last 12 months on install: orders, customers and shipments, shown in the admin and on the dashboard, and another shop's import stays its own", async () => {
    const shop = uniqueShop("history");
    const other = uniqueShop("history-other");
    // 30 orders of 15 customers over the last ~10 months, and two from 14 months ago; the newest
    // was delivered 4 days ago, past the 72 h after which shipment news sends no email.
    const recent = Array.from({ length: 30 }, (_, n) => historyOrder(n, n * 10 + 4));
    await shopifyHolds(shop, [...recent, historyOrder(40, 425), historyOrder(41, 430)]);
    // The other shop holds orders with the same ids and names of its own.
    await shopifyHolds(
      other,
      Array.from({ length: 5 }, (_, n) => historyOrder(n, n + 1, { label: "O", amount: "1.00" })),
    );

    await installShop(shop);
    await installShop(other);
    const [done] = await importFinished(shop, 1);
    expect(done).toMatchObject({ months: 12, ordersRead: 30, ordersApplied: 30, error: null });
    const calls = (await adminApiCalls(shop)).filter(
      (call) => call.operationName === "BulkQueryRun",
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]!.variables.groupObjects).toBe(true);

    const orders = await db.order.findMany({ where: { shopDomain: shop } });
    expect(orders).toHaveLength(30);
    expect(orders.every((order) => order.name.startsWith("#H"))).toBe(true);
    const first = orders.find((order) => order.shopifyId === String(ORDER_BASE + 3))!;
    expect(first).toMatchObject({
      totalPrice: 2300,
      email: "shopper3@example.com",
      financialStatus: "paid",
      fulfillmentStatus: "fulfilled",
      tags: "imported",
    });
    expect(await db.orderLineItem.count({ where: { shopDomain: shop } })).toBe(60);
    expect(await db.customer.count({ where: { shopDomain: shop } })).toBe(15);
    const shipments = await db.trackingShipment.findMany({ where: { shopDomain: shop } });
    expect(shipments).toHaveLength(30);
    expect(shipments.every((shipment) => shipment.tag === "Delivered")).toBe(true);
    // History is not news: no order.created event, and no shipment email for old deliveries.
    expect(await db.outboxEvent.count({ where: { shopDomain: shop, type: "order.created" } })).toBe(
      0,
    );
    expect(await db.notificationMessage.count({ where: { shopDomain: shop } })).toBe(0);

    // The admin shows the finished import.
    const page = await (await adminDocument(shop, "/app/settings")).text();
    expect(page).toContain("30 orders of the last 12 months read");
    expect(page).toContain("History import 100 percent");

    // The dashboard counts the imported orders: 9 of them fall in the last 90 days.
    const shopRow = await db.shop.findUniqueOrThrow({ where: { domain: shop } });
    const today = dayInZone(new Date(), shopRow.ianaTimezone ?? "UTC");
    const range = { from: nextDay(today, -89), to: today };
    const figures = await waitFor(
      async () => {
        const data = await dashboard(shop, range, "USD");
        return data.current.orders === 9 ? data : undefined;
      },
      { timeout: 150_000, interval: 500, message: "the dashboard counting imported orders" },
    );
    expect(figures.current.orders).toBe(9);

    // The other shop has its own five, and this shop's rows are untouched by its import.
    await importFinished(other, 1);
    const theirs = await db.order.findMany({ where: { shopDomain: other } });
    expect(theirs).toHaveLength(5);
    expect(theirs.every((order) => order.name.startsWith("#O") && order.totalPrice === 100)).toBe(
      true,
    );
    expect(
      (await db.order.findMany({ where: { shopDomain: shop } })).map((o) => o.name).sort(),
    ).toEqual(orders.map((o) => o.name).sort());
  }, 240_000);

  it("keeps a newer webhook over the import's older copy, counts it once, and a second import changes nothing", async () => {
    const shop = uniqueShop("history-race");
    await installShop(shop);
    // Nothing in Shopify yet: the install's import completes empty.
    const [empty] = await importFinished(shop, 1);
    expect(empty).toMatchObject({ ordersRead: 0, status: "completed" });

    const history = Array.from({ length: 20 }, (_, n) => historyOrder(n, n * 5 + 2));
    await shopifyHolds(shop, history);
    // A month count outside 1–60 is refused, nothing started.
    const refused = await adminFetch(shop, "/app/settings.data", importForm("0"));
    expect(refused.status).toBe(200);
    expect(await imports(shop)).toHaveLength(1);

    const started = await adminFetch(shop, "/app/settings.data", importForm("6"));
    expect(started.status).toBe(200);
    // Shopify is still writing the file: the admin says so.
    const running = await (await adminDocument(shop, "/app/settings")).text();
    expect(running).toContain("Shopify is preparing your orders of the last 6 months");

    // Meanwhile order 5 changes in Shopify and its orders/updated webhook arrives first.
    const five = history[5]!;
    const newer = new Date(Date.parse(five.updatedAt as string) + 60_000).toISOString();
    const webhook = withFields(webhookFixture("orders/updated"), {
      id: ORDER_BASE + 5,
      name: "#H1005",
      updated_at: newer,
      created_at: five.createdAt,
      processed_at: five.createdAt,
      total_price: "555.00",
      current_total_price: "555.00",
      cancelled_at: null,
      cancel_reason: null,
      financial_status: "partially_refunded",
      test: false,
    });
    expect((await sendWebhook({ shop, topic: "orders/updated", body: webhook })).status).toBe(200);
    await waitFor(
      async () =>
        (
          await db.order.findFirst({
            where: { shopDomain: shop, shopifyId: String(ORDER_BASE + 5) },
          })
        )?.totalPrice === 55_500,
      { message: "the webhook's order stored" },
    );

    const [, second] = await importFinished(shop, 2);
    expect(second).toMatchObject({ months: 6, ordersRead: 20, ordersApplied: 19 });
    const orders = await db.order.findMany({
      where: { shopDomain: shop, shopifyId: String(ORDER_BASE + 5) },
    });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      totalPrice: 55_500,
      financialStatus: "partially_refunded",
      shopifyUpdatedAt: new Date(newer),
    });
    expect(await db.order.count({ where: { shopDomain: shop } })).toBe(20);

    // An older copy of order 7 delivered late loses to the imported newer one.
    const seven = history[7]!;
    const older = withFields(webhookFixture("orders/updated"), {
      id: ORDER_BASE + 7,
      name: "#H1007",
      updated_at: seven.createdAt,
      created_at: seven.createdAt,
      total_price: "1.00",
      cancelled_at: null,
      test: false,
    });
    const olderDelivery = await sendWebhook({ shop, topic: "orders/updated", body: older });
    expect(olderDelivery.status).toBe(200);
    await waitFor(
      async () =>
        (await db.webhookDelivery.count({
          where: { shopDomain: shop, topic: "orders/updated", status: "processed" },
        })) === 2,
      { message: "both deliveries processed" },
    );
    expect(
      (
        await db.order.findFirstOrThrow({
          where: { shopDomain: shop, shopifyId: String(ORDER_BASE + 7) },
        })
      ).totalPrice,
    ).toBe(2700);

    // Importing again reads the same file and writes nothing.
    const before = await snapshot(shop);
    expect(before.orders).toHaveLength(20);
    // Order 5's newer webhook (Shopify's sample: no fulfillments) won over the import's copy.
    expect(before.shipments).toHaveLength(19);
    expect(before.shipments.map((shipment) => shipment.trackingNumber)).not.toContain("HISTH5X");
    expect((await adminFetch(shop, "/app/settings.data", importForm("6"))).status).toBe(200);
    const [, , third] = await importFinished(shop, 3);
    expect(third).toMatchObject({ ordersRead: 20, ordersApplied: 0 });
    expect(await snapshot(shop)).toEqual(before);
  }, 180_000);
});
