// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import path from "node:path";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor as settled } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { APP_URL } from "../../extensions/order-status-tracking/src/config";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { BROWSER_UA, appUrl, customerAccountToken, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const ORDER_ID = "820982911946154508";
const CUSTOMER_ID = "115310627314723954";
const TRACKING = "1Z999AA10123456784";
const networkFetch = globalThis.fetch;

const extension = getExtension("customer-account.order-status.block.render", {
  configSearchDir: path.resolve(import.meta.dirname, "../../extensions/order-status-tracking"),
});

/**
 * The extension's requests go to our real app process: only the host changes (the extension
 * calls the deployed app URL) and the browser's user agent is added (the extension runs in a
 * browser worker); the path, headers and session token are the extension's own.
 */
function connectToApp(shop: string, customerId: string | null) {
  extension.shopify.sessionToken.get = async () => customerAccountToken(shop, customerId);
  extension.shopify.order.value = { id: `gid://shopify/Order/${ORDER_ID}`, name: "#9999" };
  const requests: string[] = [];
  const responses: number[] = [];
  extension.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input).replace(APP_URL, appUrl());
    requests.push(url);
    const headers = new Headers(init?.headers);
    headers.set("User-Agent", BROWSER_UA);
    const response = await networkFetch(url, { ...init, headers });
    responses.push(response.status);
    return response;
  }) as typeof fetch;
  return { requests, responses };
}

async function shopWithShipment() {
  const shop = uniqueShop("ext-render");
  await installShop(shop);
  await sendWebhook({ shop, topic: "orders/create", body: webhookFixture("orders/create") });
  const fulfillment = withFields(webhookFixture("fulfillments/create"), {
    shipment_status: "out_for_delivery",
    status: "success",
  }).replaceAll("1z827wk74630", TRACKING);
  await sendWebhook({ shop, topic: "fulfillments/create", body: fulfillment });
  await waitFor(
    async () => {
      const order = await db.order.findFirst({ where: { shopDomain: shop, shopifyId: ORDER_ID } });
      const shipment = await db.trackingShipment.findFirst({
        where: { shopDomain: shop, trackingKey: TRACKING, tag: "OutForDelivery" },
      });
      return order && shipment ? shipment : undefined;
    },
    { message: "order and shipment stored" },
  );
  return shop;
}

describe("order-status page extension (Shopify's UI-extension tester, real backend)", () => {
  // The shop is set up over the network first: setUp() replaces the global fetch.
  afterEach(() => extension.tearDown());

  it("shows the signed-in customer's shipment: status, carrier, number, progress and scans", async () => {
    const shop = await shopWithShipment();
    extension.setUp();
    const { requests } = connectToApp(shop, CUSTOMER_ID);
    await extension.render();
    await settled(() => expect(document.body.querySelector("s-badge")).not.toBeNull(), {
      timeout: 10_000,
    });
    expect(requests).toEqual([`${appUrl()}/api/tracking/orders/${ORDER_ID}`]);
    expect(document.body.querySelector("s-section")?.getAttribute("heading")).toBe("heading");
    expect(document.body.querySelector("s-badge")?.textContent).toBe("status.OutForDelivery");
    expect(document.body.textContent).toContain(`UPS · ${TRACKING}`);
    const progress = document.body.querySelector("s-progress");
    expect(progress?.getAttribute("value") ?? String((progress as { value?: number })?.value)).toBe(
      "3",
    );
    expect(document.body.querySelectorAll("s-list-item").length).toBeGreaterThan(0);
  });

  it("renders nothing for another customer's order and a warning when the backend refuses", async () => {
    const shop = await shopWithShipment();
    extension.setUp();
    const stranger = connectToApp(shop, "999");
    await extension.render();
    await settled(() => expect(document.body.querySelector("s-spinner")).toBeNull(), {
      timeout: 10_000,
    });
    expect(stranger.responses).toEqual([404]);
    expect(document.body.innerHTML).toBe("");
    extension.tearDown();

    extension.setUp();
    const forged = connectToApp(shop, CUSTOMER_ID);
    extension.shopify.sessionToken.get = async () => "not-a-session-token";
    await extension.render();
    await settled(() => expect(document.body.querySelector("s-banner")).not.toBeNull(), {
      timeout: 10_000,
    });
    expect(forged.responses).toEqual([401]);
    expect(document.body.querySelector("s-banner")?.textContent).toBe("unavailable");
  });

  it("asks a shopper who is not fully signed in to sign in, without calling the backend", async () => {
    extension.setUp();
    const { requests } = connectToApp("unused.myshopify.com", null);
    extension.shopify.authenticationState.value = "pre_authenticated";
    await extension.render();
    expect(document.body.querySelector("s-button")?.textContent).toBe("signIn");
    expect(requests).toEqual([]);
  });
});
