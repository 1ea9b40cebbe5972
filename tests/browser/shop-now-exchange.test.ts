import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { StandinDraftOrder } from "../../scripts/standin/admin/draft-orders";
import type { CatalogProduct } from "../../scripts/standin/admin/products";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { webhookFixture } from "../support/fixtures";
import { standinUrl } from "../support/http";
import { waitFor } from "../support/wait";
import { ORDER_ID, SUNGLASSES_NODE, returnableShop, setCatalog, store } from "../returns/support";

/**
 * Issue #21: a shop-now exchange whose new item costs more than the return's credit, the
 * difference paid by the shopper at the draft order's invoice checkout (the stand-in's, with
 * Shopify's Bogus Gateway test cards: 2 declines, 3 fails, 1 approves).
 */

const PHONE = { width: 390, height: 844 };
const JACKET: CatalogProduct = {
  id: "gid://shopify/Product/620000",
  title: "Leather jacket",
  handle: "leather-jacket",
  status: "ACTIVE",
  tags: ["outerwear"],
  updatedAt: "2026-11-01T10:00:00Z",
  images: [],
  variants: [
    {
      id: "gid://shopify/ProductVariant/62000001",
      title: "Brown",
      price: "250.00",
      inventoryQuantity: 3,
      inventoryPolicy: "DENY",
    },
  ],
};
/** The merchant's shop-now terms: 10 % of the returned value plus $5.00 on top. */
const BONUS_PERCENT = 10;
const BONUS_AMOUNT = 500;

const cents = (price: string) => Math.round(Number(price) * 100);
const usd = (minor: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(minor / 100);

/** What the shopper owes, from the order fixture's price and the catalog's, not the app's. */
function expectedUpcharge() {
  const order = JSON.parse(webhookFixture("orders/create")) as {
    line_items: { title: string; price: string }[];
  };
  const returned = cents(
    order.line_items.find((line) => line.title === "Aviator sunglasses")!.price,
  );
  const credit = returned + Math.round((returned * BONUS_PERCENT) / 100) + BONUS_AMOUNT;
  return { credit, upcharge: cents(JACKET.variants[0]!.price) - credit };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("a shop-now exchange paid at Shopify's checkout", () => {
  it("a shopper spends a return on a pricier jacket, is declined once, pays the difference with an approved card, and the merchant sees it paid", async () => {
    const { credit, upcharge } = expectedUpcharge();
    const shop = await returnableShop("browser-shop-now");
    await setCatalog(shop, [SUNGLASSES_NODE, JACKET]);
    const { savePolicy } = await import("../../app/returns/returns.server");
    await savePolicy(shop, {
      resolutions: ["refund", "store_credit", "exchange"],
      shopNow: {
        enabled: true,
        bonusPercent: BONUS_PERCENT,
        bonusAmount: BONUS_AMOUNT,
        remainderAs: "refund",
        instantFor: "nobody",
      },
    });

    // The shopper, on a phone, returns the sunglasses from the shop's returns page.
    const shopper = await newPage(browser, PHONE);
    await shopper.goto(`${standinUrl()}/store/${shop}/apps/aftercare/returns`);
    await shopper.getByLabel("Order number").fill("#9999");
    await shopper.getByLabel("Email").fill("jon@example.com");
    await shopper.getByRole("button", { name: "Find my order" }).click();
    await shopper.getByRole("heading", { name: "Order #9999" }).waitFor();
    const sunglasses = shopper.locator("section", { hasText: "Return Aviator sunglasses" });
    await sunglasses.getByRole("checkbox").check();
    await sunglasses.getByLabel("Reason").selectOption("unwanted");
    await sunglasses.getByLabel(/^Refund to your original payment/).check();
    await shopper.getByRole("button", { name: "Request the return" }).click();
    await shopper.getByRole("heading", { name: "Your return for order #9999" }).waitFor();
    const statusUrl = shopper.url();

    // Shop now: the credit goes to another product, dearer than the credit.
    await shopper.getByRole("link", { name: `Shop now with ${usd(credit)}` }).click();
    await shopper.getByLabel("Search products").fill("jacket");
    await shopper.getByRole("button", { name: "Search" }).click();
    await shopper.getByLabel(`Leather jacket – Brown: ${usd(cents("250.00"))}`).check();
    await shopper.screenshot({
      path: screenshotPath("storefront-shop-now-choose"),
      fullPage: true,
    });
    await shopper.getByRole("button", { name: "Confirm my exchange" }).click();
    await shopper
      .getByText(`Pay the difference of ${usd(upcharge)} to complete your exchange.`)
      .waitFor();
    const exchange = await db.returnExchange.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(exchange).toMatchObject({ status: "awaiting_payment", credit, upcharge });

    // The payment link is the draft order's invoice: Shopify's checkout for the difference.
    await shopper.getByRole("link", { name: `Pay ${usd(upcharge)} now` }).click();
    await shopper.waitForURL(exchange.invoiceUrl!);
    await expect(shopper.locator("[data-total]").textContent()).resolves.toBe(
      `USD ${usd(upcharge)}`,
    );
    const payWith = async (number: string) => {
      await shopper.getByLabel("Card number").fill(number);
      await shopper.getByLabel("Name on card").fill("Bogus Gateway");
      await shopper.getByLabel("Expiration date (MM / YY)").fill("12 / 30");
      await shopper.getByLabel("Security code").fill("123");
      await shopper.getByRole("button", { name: "Pay now" }).click();
    };

    // Card 2: declined. The shopper is told so and nothing is paid.
    await payWith("2");
    await expect(shopper.getByRole("alert").textContent()).resolves.toBe(
      "Your card was declined. Try again or use a different payment method.",
    );
    await shopper.screenshot({ path: screenshotPath("checkout-declined"), fullPage: true });
    // Card 3: the gateway fails; nothing is paid either.
    await payWith("3");
    const failed =
      "There was an issue processing your payment. Try again or use a different payment method.";
    await shopper.getByRole("alert").filter({ hasText: failed }).waitFor();
    const [declined] = await store<StandinDraftOrder[]>(shop, "draftOrders");
    expect(declined).toMatchObject({ status: "INVOICE_SENT", order: null, total: upcharge });
    expect(await db.returnExchange.findUniqueOrThrow({ where: { id: exchange.id } })).toMatchObject(
      { status: "awaiting_payment", paidAt: null, orderShopifyId: null },
    );

    // Card 1: approved. The draft becomes an order and Shopify's webhooks reach the app.
    await payWith("1");
    await expect(shopper.getByRole("status").textContent()).resolves.toBe(
      "Thank you! Your order is confirmed.",
    );
    const [completed] = await store<StandinDraftOrder[]>(shop, "draftOrders");
    expect(completed).toMatchObject({ status: "COMPLETED", order: { financialStatus: "PAID" } });
    const orderId = completed!.order!.id.split("/").pop()!;
    const paid = await waitFor(
      async () =>
        (await db.returnExchange.findFirst({ where: { id: exchange.id, status: "paid" } })) ??
        undefined,
      { message: "exchange paid", timeout: 30_000 },
    );
    expect(paid.orderShopifyId).toBe(orderId);
    // orders/create and orders/paid carried the new order, for the amount the shopper paid.
    const mirrored = await waitFor(
      async () =>
        (await db.order.findFirst({ where: { shopDomain: shop, shopifyId: orderId } })) ??
        undefined,
      { message: "new order mirrored", timeout: 30_000 },
    );
    expect(mirrored).toMatchObject({ totalPrice: upcharge, currency: "USD", test: true });

    // Paid once: the invoice cannot be paid again.
    await shopper.goto(exchange.invoiceUrl!);
    await expect(shopper.getByRole("status").textContent()).resolves.toBe(
      "This invoice has already been paid.",
    );
    expect(await shopper.getByRole("button", { name: "Pay now" }).count()).toBe(0);
    const again = await fetch(exchange.invoiceUrl!, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ number: "1", name: "Bogus Gateway" }),
    });
    expect(again.status).toBe(409);
    // A link with any other token is no invoice.
    const forged = exchange.invoiceUrl!.replace(/[^/]+$/, "0".repeat(32));
    expect((await fetch(forged)).status).toBe(404);
    expect(
      await db.returnEvent.count({ where: { returnId: exchange.returnId, kind: "exchange_paid" } }),
    ).toBe(1);

    const announced = await db.outboxEvent.findMany({
      where: { shopDomain: shop, type: "return.exchange_paid" },
    });
    expect(announced.map((event) => JSON.parse(event.data) as unknown)).toEqual([
      {
        returnId: exchange.returnId,
        orderId: ORDER_ID,
        exchangeOrderId: orderId,
        currency: "USD",
        amount: upcharge,
      },
    ]);

    await shopper.goto(statusUrl);
    await shopper.getByText("Difference paid: your new items are on their way.").waitFor();

    // The merchant's return page, in the Shopify admin.
    const merchant = await newPage(browser);
    await merchant.goto(
      `${standinUrl()}/admin?shop=${shop}&path=/app/returns/${exchange.returnId}`,
    );
    const app = merchant.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByText("Paid: order created in Shopify").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect(app.getByText(`shopper pays ${usd(upcharge)}`).isVisible()).resolves.toBe(true);
    await expect(app.getByText("Exchange difference paid").first().isVisible()).resolves.toBe(true);
    await merchant.screenshot({ path: screenshotPath("admin-shop-now-paid"), fullPage: true });
    await merchant.close();
    await shopper.close();
  }, 180_000);
});
