import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import {
  approveReturn,
  declineReturn,
  issueLabel,
  markReceived,
  processReturn,
} from "../../app/returns/lifecycle.server";
import type { ReceivedEmail } from "../../scripts/standin/mailbox";
import { adminFetch, standinUrl } from "../support/http";
import { waitFor } from "../support/wait";
import {
  ORDER_ID,
  PLAN,
  SUNGLASSES,
  photoOf,
  returnableShop,
  store,
  submitted,
  twoItems,
} from "./support";

/**
 * The return's life between the built app, the stand-in's Shopify and EasyPost. The portal,
 * the Shopify job and the webhooks run in the app's process; the merchant's actions (the admin
 * pages live on another branch) are the lifecycle functions, called here against the same
 * database and the same stand-in.
 */

const REASON_ID = (handle: string) =>
  `gid://shopify/ReturnReasonDefinition/${1000 + ["color", "damaged", "defective", "not-as-described", "other", "size-too-large", "size-too-small", "style", "unwanted", "wrong-item"].indexOf(handle)}`;

interface StandinReturn {
  id: string;
  status: string;
  returnLineItems: { id: string; fulfillmentLineItemId: string; quantity: number }[];
  exchangeLineItems: { id: string; variantId: string }[];
  processed: Record<string, unknown>[];
  reverseDeliveries: { id: string; tracking: unknown; label: unknown }[];
}

/** The shopper's emails about returns (the fixture order's jon@example.com is shared by the run). */
/** The shop's email to the fixture's shopper (every returns test writes to the same address). */
async function emailWith(shop: string, subject: string, text: string) {
  const sender = (await db.shop.findUnique({ where: { domain: shop } }))?.name ?? shop;
  return waitFor(
    async () => {
      const response = await fetch(`${standinUrl()}/__standin/mailbox?to=jon%40example.com`);
      const received = (await response.json()) as ReceivedEmail[];
      return received.find(
        (email) =>
          email.from.includes(sender) && email.subject === subject && email.text.includes(text),
      );
    },
    { message: `email "${subject}" with ${text}`, timeout: 60_000 },
  );
}

/** Every webhook Shopify sent back about the shop's returns was handled, none parked or failing. */
async function webhooksSettled(shop: string) {
  const deliveries = await waitFor(
    async () => {
      const rows = await db.webhookDelivery.findMany({ where: { shopDomain: shop } });
      return rows.every((row) => ["processed", "ignored", "parked"].includes(row.status))
        ? rows
        : undefined;
    },
    { message: "webhooks handled" },
  );
  expect(
    deliveries.filter((row) => row.status !== "processed").map((row) => [row.topic, row.lastError]),
  ).toEqual([]);
  return deliveries.map((row) => row.topic);
}

/** The return's domain events in the outbox, oldest first, as type and data. */
async function published(returnId: string) {
  const rows = await db.outboxEvent.findMany({
    where: { aggregate: "return", aggregateId: returnId },
    orderBy: { sequence: "asc" },
  });
  return rows.map((row) => [row.type, JSON.parse(row.data) as Record<string, unknown>]);
}

/** What a processed portal return of the fixture order announces, each once. */
function processedReturnEvents(returnId: string, amount: number) {
  const ref = { returnId, orderId: ORDER_ID };
  return [
    ["return.requested", { ...ref, source: "portal" }],
    ["return.approved", ref],
    ["return.received", ref],
    ["return.closed", ref],
    ["return.refunded", { ...ref, currency: "USD", amount }],
  ];
}

async function calls(shop: string, operationName: string) {
  const all = (await (await fetch(`${standinUrl()}/__standin/shops/${shop}/calls`)).json()) as {
    operationName: string;
    variables: Record<string, unknown>;
  }[];
  return all.filter((call) => call.operationName === operationName);
}

describe("returns in step with Shopify", () => {
  it("creates an auto-approved return in Shopify with the fulfillment lines, reasons and exchange, then processes it with the server's amounts", async () => {
    const shop = await returnableShop("returns-sync-open");
    const request = await submitted(shop);
    expect(request.status).toBe("open");

    const [created, ...more] = await calls(shop, "ReturnsReturnCreate");
    expect(more).toHaveLength(0);
    const input = created!.variables.returnInput as {
      orderId: string;
      returnLineItems: { fulfillmentLineItemId: string; returnReasonDefinitionId: string }[];
      exchangeLineItems: { variantId: string; quantity: number }[];
    };
    expect(input.orderId).toBe(`gid://shopify/Order/${ORDER_ID}`);
    expect(
      input.returnLineItems.map((line) => [
        line.fulfillmentLineItemId,
        line.returnReasonDefinitionId,
      ]),
    ).toEqual([
      ["gid://shopify/FulfillmentLineItem/5001", REASON_ID("size-too-small")],
      ["gid://shopify/FulfillmentLineItem/5002", REASON_ID("unwanted")],
    ]);
    expect(input.returnLineItems[0]).not.toHaveProperty("returnReason");
    expect(input.exchangeLineItems).toEqual([
      { variantId: "gid://shopify/ProductVariant/39072856", quantity: 1 },
    ]);
    expect(request.lines.every((line) => line.shopifyId && line.fulfillmentLineItemShopifyId)).toBe(
      true,
    );

    expect(await markReceived(shop, request.id)).toEqual({ ok: true, status: "received" });
    expect(await processReturn(shop, request.id)).toEqual({ ok: true, status: "closed" });
    expect(await processReturn(shop, request.id)).toEqual({ ok: true, status: "closed" });
    await emailWith(shop, "Your return for #9999 is processed", "$19.99 is on its way back");
    expect(await webhooksSettled(shop)).toEqual(
      expect.arrayContaining(["returns/approve", "returns/close"]),
    );
    const timeline = await db.returnEvent.findMany({
      where: { returnId: request.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(timeline.map((event) => event.kind)).toEqual(["requested", "received", "processed"]);
    // Shopify's returns/approve and returns/close echo moves already made here: no second event.
    expect(await published(request.id)).toEqual(processedReturnEvents(request.id, 1999));

    const [shopifyReturn] = await store<StandinReturn[]>(shop, "returns");
    expect(shopifyReturn!.status).toBe("CLOSED");
    expect(shopifyReturn!.processed).toHaveLength(1);
    const credit = request.lines.find((line) => line.resolution === "store_credit")!;
    expect(shopifyReturn!.processed[0]).toEqual({
      returnId: shopifyReturn!.id,
      returnLineItems: shopifyReturn!.returnLineItems.map((line) => ({
        id: line.id,
        quantity: line.quantity,
      })),
      exchangeLineItems: [{ id: shopifyReturn!.exchangeLineItems[0]!.id, quantity: 1 }],
      financialTransfer: {
        issueRefund: {
          orderTransactions: [],
          refundMethods: [
            {
              storeCreditRefund: {
                amount: { amount: (credit.amount / 100).toFixed(2), currencyCode: "USD" },
              },
            },
          ],
        },
      },
      notifyCustomer: false,
    });
  });

  it("records processing as the merchant's when Shopify's returns/close arrives before its answer", async () => {
    const shop = await returnableShop("returns-sync-echo");
    const request = await submitted(shop);
    expect(await markReceived(shop, request.id)).toEqual({ ok: true, status: "received" });
    await fetch(`${standinUrl()}/__standin/shops/${shop}/hold/ReturnsReturnProcess`, {
      method: "POST",
    });
    const processing = processReturn(shop, request.id);
    await waitFor(
      async () =>
        (await db.returnRequest.findUnique({ where: { id: request.id } }))?.status === "closed" ||
        undefined,
      { message: "returns/close handled before Shopify answered" },
    );
    await fetch(`${standinUrl()}/__standin/shops/${shop}/release/ReturnsReturnProcess`, {
      method: "POST",
    });
    expect(await processing).toEqual({ ok: true, status: "closed" });

    const timeline = await db.returnEvent.findMany({
      where: { returnId: request.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(timeline.map((event) => [event.kind, event.actor])).toEqual([
      ["requested", "shopper"],
      ["received", "merchant"],
      ["processed", "merchant"],
    ]);
    expect(
      (await db.returnRequest.findUniqueOrThrow({ where: { id: request.id } })).processedAt,
    ).not.toBeNull();
    await emailWith(shop, "Your return for #9999 is processed", "$19.99 is on its way back");
    // returns/close announced the close; the merchant's processing, claiming it, the refund.
    expect(await published(request.id)).toEqual(processedReturnEvents(request.id, 1999));
  });

  it("asks Shopify for approval when photos are needed, and approves or declines there first", async () => {
    const shop = await returnableShop("returns-sync-request");
    await db.returnPolicyVersion.create({
      data: {
        shopDomain: shop,
        policy: JSON.stringify({
          rules: [
            {
              id: "damaged",
              name: "Damaged",
              when: { reasons: ["damaged"] },
              then: { photosRequired: true },
            },
          ],
        }),
      },
    });
    const damaged = (line: string) => ({
      ...twoItems(),
      lines: [{ lineItemId: line, quantity: 1, reason: "damaged", resolution: "refund" }],
      photos: [photoOf(line)],
    });
    const first = await submitted(shop, damaged(SUNGLASSES));
    const second = await submitted(shop, damaged(PLAN));
    expect([first.status, second.status]).toEqual(["requested", "requested"]);
    const requests = await calls(shop, "ReturnsReturnRequest");
    expect(requests.map((call) => call.variables.input)).toMatchObject([
      {
        returnLineItems: [
          {
            fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/5001",
            returnReasonDefinitionId: REASON_ID("damaged"),
          },
        ],
      },
      { returnLineItems: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/5002" }] },
    ]);
    expect(await calls(shop, "ReturnsReturnCreate")).toHaveLength(0);

    expect(await approveReturn(shop, first.id)).toEqual({ ok: true, status: "open" });
    const reason = `Not damaged in the photos (${shop})`;
    expect(await declineReturn(shop, second.id, reason)).toEqual({
      ok: true,
      status: "declined",
    });
    const statuses = Object.fromEntries(
      (await store<StandinReturn[]>(shop, "returns")).map((entry) => [entry.id, entry.status]),
    );
    expect(statuses[`gid://shopify/Return/${first.shopifyId}`]).toBe("OPEN");
    expect(statuses[`gid://shopify/Return/${second.shopifyId}`]).toBe("DECLINED");
    const local = await db.returnRequest.findMany({
      where: { id: { in: [first.id, second.id] } },
      orderBy: { orderShopifyId: "asc" },
      select: { id: true, shopifyStatus: true },
    });
    expect(Object.fromEntries(local.map((row) => [row.id, row.shopifyStatus]))).toEqual({
      [first.id]: "OPEN",
      [second.id]: "DECLINED",
    });
    const [decline] = await calls(shop, "ReturnsReturnDeclineRequest");
    expect(decline!.variables.input).toMatchObject({ declineNote: reason });
    await emailWith(shop, "About your return for #9999", reason);
  });

  it("buys the prepaid label from EasyPost, gives it to Shopify and tracks the parcel back", async () => {
    const shop = await returnableShop("returns-label");
    const connected = await adminFetch(shop, "/app/shipments/settings.data", {
      method: "POST",
      body: new URLSearchParams({
        provider: "easypost",
        easypostApiKey: `EZTK${shop.length}label`,
        writeBack: "on",
      }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(connected.status).toBe(200);
    const request = await submitted(shop);

    // A double click, through the admin as the merchant clicks: bought here, the label would be
    // written to the embedded database beside the app's own process (its event deliveries among
    // them), which SQLite may refuse mid-transaction.
    const clicks = await Promise.all(
      [1, 2].map(() =>
        adminFetch(shop, `/app/returns/${request.id}.data`, {
          method: "POST",
          body: new URLSearchParams({ intent: "issue_label" }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }),
      ),
    );
    // The page answers 409 when an action is refused, 200 when it is done.
    expect(clicks.map((click) => click.status)).toEqual([200, 200]);
    const shipments = (
      (await (await fetch(`${standinUrl()}/__standin/easypost/shipments`)).json()) as {
        reference: string;
        is_return: boolean;
        from_address: { zip: string; street1: string };
        to_address: { city: string };
        tracking_code: string | null;
        selected_rate: { carrier: string; rate: string } | null;
        postage_label: { label_url: string } | null;
      }[]
    ).filter((shipment) => shipment.reference === request.id);
    expect(shipments).toHaveLength(1);
    const [shipment] = shipments;
    expect(shipment).toMatchObject({
      is_return: true,
      from_address: { zip: "40003", street1: "123 Shipping Street" },
      to_address: { city: "Ottawa" },
      selected_rate: { carrier: "USPS", rate: "7.58" },
    });
    const label = await db.returnLabel.findFirstOrThrow({ where: { returnId: request.id } });
    expect(label).toMatchObject({
      provider: "easypost",
      carrier: "USPS",
      trackingNumber: shipment!.tracking_code,
      labelUrl: shipment!.postage_label!.label_url,
      cost: 758,
      currency: "USD",
    });
    expect(label.reverseDeliveryShopifyId).toBeTruthy();

    const [delivery, ...again] = await calls(shop, "ReturnsReverseDeliveryCreateWithShipping");
    expect(again).toHaveLength(0);
    expect(delivery!.variables).toMatchObject({
      trackingInput: { number: label.trackingNumber, company: "USPS" },
      labelInput: { fileUrl: label.labelUrl },
    });
    const [shopifyReturn] = await store<StandinReturn[]>(shop, "returns");
    expect(shopifyReturn!.reverseDeliveries).toHaveLength(1);

    const tracked = await waitFor(
      async () =>
        (await db.trackingShipment.findFirst({
          where: {
            shopDomain: shop,
            trackingNumber: label.trackingNumber,
            providerRef: { not: null },
          },
        })) ?? undefined,
      { message: "return parcel tracked through EasyPost" },
    );
    expect(tracked.provider).toBe("easypost");
    expect(await webhooksSettled(shop)).toContain("reverse_deliveries/attach_deliverable");
    expect(await db.returnLabel.count({ where: { returnId: request.id } })).toBe(1);
    const email = await emailWith(shop, "Your return label for #9999", "Print it");
    expect(email.html).toContain(label.labelUrl);
    expect(await issueLabel(shop, request.id)).toEqual({ ok: true, status: "open" });
    expect(await calls(shop, "ReturnsReverseDeliveryCreateWithShipping")).toHaveLength(1);
  });
});

describe("returns/* webhooks from Shopify", () => {
  const act = async (shop: string, path: string, body: unknown = {}) => {
    const response = await fetch(`${standinUrl()}/__standin/shops/${shop}/returns${path}`, {
      method: "POST",
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { return: StandinReturn; webhook: number };
  };
  const current = (shop: string, shopifyId: string) =>
    db.returnRequest.findUnique({
      where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId } },
      include: { lines: true, events: { orderBy: { occurredAt: "asc" } } },
    });

  it("records a return started in Shopify's admin and follows its approval there", async () => {
    const shop = await returnableShop("returns-shopify-first");
    const { return: started } = await act(shop, "", {
      status: "REQUESTED",
      orderId: `gid://shopify/Order/${ORDER_ID}`,
      returnLineItems: [
        {
          fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/5001",
          quantity: 1,
          returnReasonDefinitionId: REASON_ID("wrong-item"),
        },
      ],
    });
    const shopifyId = started.id.split("/").pop()!;
    const recorded = await waitFor(async () => (await current(shop, shopifyId)) ?? undefined, {
      message: "return from Shopify recorded",
    });
    expect(recorded).toMatchObject({
      source: "shopify",
      status: "requested",
      orderName: "#9999",
      lines: [
        { lineItemShopifyId: SUNGLASSES, reason: "wrong-item", quantity: 1, unitPrice: 8999 },
      ],
    });

    await act(shop, `/${shopifyId}/approve`);
    const opened = await waitFor(
      async () => {
        const row = await current(shop, shopifyId);
        return row?.status === "open" ? row : undefined;
      },
      { message: "approval from Shopify applied" },
    );
    expect(opened.events.map((event) => [event.kind, event.actor])).toEqual([
      ["approved", "shopify"],
    ]);
    // Approving here again is a no-op: Shopify already did it.
    expect(await approveReturn(shop, opened.id)).toEqual({ ok: true, status: "open" });
    expect(await calls(shop, "ReturnsReturnApproveRequest")).toHaveLength(0);
  });

  it("follows a decline made in Shopify for our own return, without recording it twice", async () => {
    const shop = await returnableShop("returns-own-webhook");
    await db.returnPolicyVersion.create({
      data: {
        shopDomain: shop,
        policy: JSON.stringify({
          rules: [{ id: "all", name: "All", when: {}, then: { photosRequired: true } }],
        }),
      },
    });
    const request = await submitted(shop, {
      ...twoItems(),
      lines: [
        { lineItemId: SUNGLASSES, quantity: 1, reason: "style", resolution: "refund" },
        { lineItemId: PLAN, quantity: 1, reason: "unwanted", resolution: "store_credit" },
      ],
      photos: [photoOf(SUNGLASSES), photoOf(PLAN)],
    });
    // Shopify's returns/request about the return our job created comes back to the app.
    await waitFor(
      async () =>
        (await db.webhookDelivery.count({
          where: { shopDomain: shop, topic: "returns/request", status: "processed" },
        })) > 0 || undefined,
      { message: "returns/request processed" },
    );
    await act(shop, `/${request.shopifyId}/decline`, { note: "Worn items" });
    await waitFor(async () => (await current(shop, request.shopifyId!))?.status === "declined", {
      message: "declined from Shopify's webhook",
    });
    expect(await db.returnRequest.count({ where: { shopDomain: shop } })).toBe(1);
    expect(await db.returnRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      declineReason: "Worn items",
    });
    expect(await approveReturn(shop, request.id)).toEqual({
      ok: false,
      message: "This return is declined and cannot be approved",
    });
  });
});
