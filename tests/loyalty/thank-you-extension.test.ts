// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { randomUUID } from "node:crypto";
import path from "node:path";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor as settled } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { APP_URL } from "../../extensions/loyalty-thank-you/src/config";
import { uniqueShop } from "../support/constants";
import { paidOrderToday } from "../support/fixtures";
import { appUrl, BROWSER_UA, customerAccountToken, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const ORDER_ID = "820982911946154508";
const CUSTOMER_ID = "115310627314723954";
const networkFetch = globalThis.fetch;

const extension = getExtension("purchase.thank-you.block.render", {
  configSearchDir: path.resolve(import.meta.dirname, "../../extensions/loyalty-thank-you"),
});

function connectToApp(shop: string, customerId: string | null) {
  extension.shopify.sessionToken.get = async () => customerAccountToken(shop, customerId);
  extension.shopify.orderConfirmation.value = {
    order: { id: `gid://shopify/OrderIdentity/${ORDER_ID}` },
    isFirstOrder: true,
  };
  (extension.shopify.cost.subtotalAmount as { value: unknown }).value = {
    amount: 394.95,
    currencyCode: "USD",
  };
  const statuses: number[] = [];
  extension.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input).replace(APP_URL, appUrl());
    const headers = new Headers(init?.headers);
    headers.set("User-Agent", BROWSER_UA);
    const response = await networkFetch(url, { ...init, headers });
    statuses.push(response.status);
    return response;
  }) as typeof fetch;
  return statuses;
}

async function loyaltyShop() {
  const shop = uniqueShop("loyalty-thanks");
  await installShop(shop);
  await db.loyaltySettings.create({ data: { shopDomain: shop, returnWindowDays: 30 } });
  return shop;
}

async function renderBanner() {
  await extension.render();
  await settled(() => expect(document.body.querySelector("s-banner")).not.toBeNull(), {
    timeout: 10_000,
  });
  return document.body.querySelector("s-banner")!;
}

describe("thank-you page points block (Shopify's UI-extension tester, real backend)", () => {
  afterEach(() => extension.tearDown());

  it("estimates the points before Shopify's orders/paid arrives, then shows them pending", async () => {
    const shop = await loyaltyShop();
    extension.setUp();
    expect(connectToApp(shop, CUSTOMER_ID)).toBeDefined();
    expect((await renderBanner()).getAttribute("heading")).toBe("earning");
    extension.tearDown();

    await sendWebhook({
      shop,
      topic: "orders/paid",
      body: paidOrderToday(),
      webhookId: randomUUID(),
    });
    await waitFor(
      async () =>
        (await db.loyaltyOrder.findFirst({ where: { shopDomain: shop, pointsEarned: 394 } })) ??
        undefined,
    );
    extension.setUp();
    connectToApp(shop, CUSTOMER_ID);
    const banner = await renderBanner();
    expect(banner.getAttribute("heading")).toBe("earned");
    expect(banner.textContent).toBe("pendingUntil");
    extension.tearDown();

    // Another signed-in customer with this order id in hand learns nothing.
    extension.setUp();
    const stranger = connectToApp(shop, "999");
    await extension.render();
    await settled(() => expect(stranger).toEqual([200]), { timeout: 10_000 });
    expect(document.body.innerHTML).toBe("");
  });

  it("shows nothing to a guest", async () => {
    const shop = await loyaltyShop();
    extension.setUp();
    const guest = connectToApp(shop, null);
    await extension.render();
    await settled(() => expect(guest).toEqual([200]), { timeout: 10_000 });
    expect(document.body.innerHTML).toBe("");
  });
});
