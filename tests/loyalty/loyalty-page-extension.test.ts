// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/customer-account.page.render" />
import { randomUUID } from "node:crypto";
import path from "node:path";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor as settled } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { APP_URL } from "../../extensions/loyalty-page/src/config";
import { uniqueShop } from "../support/constants";
import { paidOrderToday } from "../support/fixtures";
import {
  adminApiCalls,
  appUrl,
  BROWSER_UA,
  customerAccountToken,
  sendWebhook,
} from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const CUSTOMER_ID = "115310627314723954";
const networkFetch = globalThis.fetch;

const extension = getExtension("customer-account.page.render", {
  configSearchDir: path.resolve(import.meta.dirname, "../../extensions/loyalty-page"),
});

/** The extension's own requests, sent to the real app process (only the host changes). */
function connectToApp(shop: string, customerId: string | null) {
  extension.shopify.sessionToken.get = async () => customerAccountToken(shop, customerId);
  const requests: string[] = [];
  extension.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input).replace(APP_URL, appUrl());
    requests.push(`${init?.method ?? "GET"} ${url}`);
    const headers = new Headers(init?.headers);
    headers.set("User-Agent", BROWSER_UA);
    return networkFetch(url, { ...init, headers });
  }) as typeof fetch;
  return requests;
}

async function shopWithPoints() {
  const shop = uniqueShop("loyalty-page");
  await installShop(shop);
  await db.loyaltySettings.create({
    data: {
      shopDomain: shop,
      returnWindowDays: 0,
      rewards: JSON.stringify([
        {
          id: "three-off",
          name: "$3 off",
          kind: "fixed",
          points: 300,
          value: 300,
          minimumOrder: 0,
        },
        { id: "big", name: "$50 off", kind: "fixed", points: 5000, value: 5000, minimumOrder: 0 },
      ]),
    },
  });
  await sendWebhook({
    shop,
    topic: "orders/paid",
    body: paidOrderToday(),
    webhookId: randomUUID(),
  });
  await waitFor(
    async () =>
      (await db.loyaltyMember.findFirst({ where: { shopDomain: shop, balance: 394 } })) ??
      undefined,
  );
  return shop;
}

describe("customer-account loyalty page (Shopify's UI-extension tester, real backend)", () => {
  afterEach(() => extension.tearDown());

  it("shows the balance, history and rewards, and redeems a reward into a discount code", async () => {
    const shop = await shopWithPoints();
    extension.setUp();
    const requests = connectToApp(shop, CUSTOMER_ID);
    await extension.render();
    // Two rewards, and saving a birthday (not told yet).
    await settled(() => expect(document.body.querySelectorAll("s-button").length).toBe(3), {
      timeout: 10_000,
    });
    expect(requests).toEqual([`GET ${appUrl()}/api/loyalty`]);
    const items = [...document.body.querySelectorAll("s-list-item")].map(
      (item) => item.textContent,
    );
    expect(items.length).toBe(2); // earned (pending), then confirmed
    const [affordable, tooDear] = [...document.body.querySelectorAll("s-button")];
    expect(document.body.querySelector("s-text-field")?.getAttribute("label")).toBe(
      "birthdayLabel",
    );
    expect(
      affordable!.hasAttribute("disabled") || (affordable as { disabled?: boolean }).disabled,
    ).toBeFalsy();
    expect(
      (tooDear as { disabled?: boolean }).disabled ?? tooDear!.hasAttribute("disabled"),
    ).toBeTruthy();

    (affordable as HTMLElement).click();
    await settled(() => expect(document.body.querySelector("s-banner")).not.toBeNull(), {
      timeout: 10_000,
    });
    expect(requests[1]).toBe(`POST ${appUrl()}/api/loyalty`);
    expect(document.body.querySelector("s-banner")?.getAttribute("tone")).toBe("success");
    const calls = await adminApiCalls(shop);
    expect(calls.map((call) => call.operationName)).toContain("LoyaltyDiscountCodeBasicCreate");
    const member = await db.loyaltyMember.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(member.balance).toBe(94);
  });

  it("shows a warning when the backend refuses the session token", async () => {
    const shop = await shopWithPoints();
    extension.setUp();
    connectToApp(shop, CUSTOMER_ID);
    extension.shopify.sessionToken.get = async () => "not-a-session-token";
    await extension.render();
    await settled(() => expect(document.body.querySelector("s-banner")).not.toBeNull(), {
      timeout: 10_000,
    });
    expect(document.body.querySelector("s-banner")?.textContent).toBe("unavailable");
  });
});
