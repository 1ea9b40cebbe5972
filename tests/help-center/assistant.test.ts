import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { appProxyFetch, sendWebhook, storefrontFetch } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const ORDER_ID = "820982911946154508";
const TRACKING = "1Z999AA10123456784";

/** The fixture order #9999 (jon@example.com), and when `shipped` its UPS parcel in transit. */
async function shopWithOrder(label: string, shipped: boolean) {
  const shop = uniqueShop(label);
  await installShop(shop);
  await sendWebhook({ shop, topic: "orders/create", body: webhookFixture("orders/create") });
  if (shipped) {
    await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: withFields(webhookFixture("fulfillments/create"), {
        shipment_status: "in_transit",
        status: "success",
      }).replaceAll("1z827wk74630", TRACKING),
    });
  }
  await waitFor(
    async () => {
      const order = await db.order.findFirst({ where: { shopDomain: shop, shopifyId: ORDER_ID } });
      const shipment = await db.trackingShipment.findFirst({
        where: { shopDomain: shop, trackingKey: TRACKING, tag: "InTransit" },
      });
      return order && (shipment || !shipped) ? order : undefined;
    },
    { message: "order stored", timeout: 60_000 },
  );
  return shop;
}

/** The page's text as the shopper reads it: React writes apostrophes as character references. */
const text = async (response: Response) => (await response.text()).replaceAll("&#x27;", "'");

const ask = (shop: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  storefrontFetch(shop, "/help", {
    method: "POST",
    body: new URLSearchParams({ intent: "ask", ...fields }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });

describe("support assistant on the help center", () => {
  it("answers « où est ma commande ? » with the parcel's status, from our data, in French", async () => {
    const shop = await shopWithOrder("assistant-where", true);
    const response = await ask(
      shop,
      { order: "9999", email: "Jon@Example.com", question: "où est ma commande ?" },
      { "Accept-Language": "fr-FR,fr;q=0.9" },
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Votre question : « où est ma commande ? »");
    expect(html).toContain("Où en est la commande #9999");
    expect(html).toMatch(/data-status="InTransit">En transit</);
    expect(html).toContain(TRACKING);
    expect(html).toContain('href="track">Voir le suivi complet</a>');
  });

  it("sends a damaged item to the returns portal with the order filled in", async () => {
    const shop = await shopWithOrder("assistant-return", true);
    const html = await (
      await ask(shop, {
        order: "#9999",
        email: "jon@example.com",
        question: "the item arrived damaged, I want a refund",
      })
    ).text();
    expect(html).toContain('href="returns?order=%239999">Start a return for #9999</a>');
  });

  it("tells an unshipped order's shopper to ask the shop, and always offers a person", async () => {
    const shop = await shopWithOrder("assistant-cancel", false);
    const cancel = await text(
      await ask(shop, {
        order: "9999",
        email: "jon@example.com",
        question: "please cancel my order",
      }),
    );
    expect(cancel).toContain("Order #9999 hasn't shipped yet. Ask the shop to cancel it:");
    const person = await text(
      await ask(shop, { order: "9999", email: "jon@example.com", question: "talk to a human" }),
    );
    expect(person).toContain("The shop's team will answer you.");
    expect(person).toMatch(/href="(mailto:[^"]+|\/pages\/contact)"/);
  });

  it("answers a wrong email exactly as an order that does not exist", async () => {
    const shop = await shopWithOrder("assistant-privacy", true);
    const wrongEmail = await ask(shop, {
      order: "9999",
      email: "x@example.com",
      question: "where is it",
    });
    const noOrder = await ask(shop, {
      order: "4242",
      email: "jon@example.com",
      question: "where is it",
    });
    expect(wrongEmail.status).toBe(404);
    expect(noOrder.status).toBe(404);
    const [a, b] = [await text(wrongEmail), await text(noOrder)];
    expect(a).toContain("We couldn't find an order with that number and email.");
    expect(a.replace(/x@example\.com/g, "")).toBe(
      b.replace(/4242/g, "9999").replace(/jon@example\.com/g, ""),
    );
  });

  it("refuses control characters and reflects a Liquid question as inert text", async () => {
    const shop = await shopWithOrder("assistant-input", true);
    const nul = await ask(shop, {
      order: "9999",
      email: "jon@example.com\u0000",
      question: "where",
    });
    expect(nul.status).toBe(400);
    expect(await text(nul)).toContain("Use plain text only.");
    const response = await appProxyFetch(shop, "/help", {
      init: {
        method: "POST",
        body: new URLSearchParams({
          intent: "ask",
          order: "9999",
          email: "jon@example.com",
          question: "{{ shop.name }}{% if true %}where is my order{% endif %}",
        }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      },
    });
    const liquid = (await response.text()).replace(/<style>[\s\S]*?<\/style>/, "");
    expect(liquid).not.toMatch(/[{}]/);
    expect(liquid).toContain("&#123;&#123; shop.name &#125;&#125;&#123;% if true %&#125;");
    const long = await ask(shop, {
      order: "9999",
      email: "jon@example.com",
      question: "a".repeat(501),
    });
    expect(long.status).toBe(400);
    expect(await text(long)).toContain("Keep your question under 500 characters.");
  });
});
