import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { StandinDraftOrder } from "../../scripts/standin/admin/draft-orders";
import type { ReceivedEmail } from "../../scripts/standin/mailbox";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { adminDocument, adminFetch, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";
import { form } from "../returns/admin-support";
import { SUNGLASSES_NODE, TORTOISE_VARIANT, setCatalog, store } from "../returns/support";

/**
 * Issue #20 item 5: a parcel that stalls gets the shopper a delay notice that says what happens
 * next, before they ask; the merchant's shipment page offers reship (a no-charge replacement
 * order through draftOrderCreate + draftOrderComplete), refund (Shopify's own refund screen) and
 * a drafted message in the shopper's language.
 */

const DAY = 86_400_000;

async function mailbox(to: string): Promise<ReceivedEmail[]> {
  const response = await fetch(`${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(to)}`);
  return (await response.json()) as ReceivedEmail[];
}

/**
 * Order #9999 in French and its UPS parcel, in transit since `daysAgo` with no scan after: UPS
 * counts as stalled after 3 quiet days. Only the sunglasses line names a variant (the fixture's
 * other lines are custom items Shopify cannot order again).
 */
async function stalledParcel(label: string, daysAgo = 6) {
  const shop = uniqueShop(label);
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  await installShop(shop);
  await setCatalog(shop, [SUNGLASSES_NODE]);
  await sendWebhook({
    shop,
    topic: "orders/create",
    body: withFields(webhookFixture("orders/create"), { email, customer_locale: "fr" }),
  });
  await waitFor(
    async () => (await db.order.findFirst({ where: { shopDomain: shop, email } })) ?? undefined,
    { message: "order stored" },
  );
  const lastScan = new Date(Date.now() - daysAgo * DAY).toISOString();
  const fulfillment = withFields(webhookFixture("fulfillments/create"), {
    status: "success",
    shipment_status: "in_transit",
    email,
    created_at: lastScan,
    updated_at: lastScan,
  })
    .replaceAll("1z827wk74630", "1Z999AA10123456784")
    .replace('"variant_id": null', `"variant_id": ${TORTOISE_VARIANT}`);
  await sendWebhook({ shop, topic: "fulfillments/create", body: fulfillment });
  const shipment = await waitFor(
    async () =>
      (await db.trackingShipment.findFirst({
        where: { shopDomain: shop, attentionReason: "stalled" },
      })) ?? undefined,
    { message: "the stalled parcel needs attention" },
  );
  return { shop, email, shipment };
}

const reship = (shop: string, shipmentId: string) =>
  adminFetch(shop, `/app/shipments/${shipmentId}.data`, form({ intent: "reship" }));

describe("proactive exceptions", { timeout: 120_000 }, () => {
  it("tells the shopper about the delay once, in their language, before they ask", async () => {
    const { shop, email, shipment } = await stalledParcel("delay-notice");
    const [notice] = await waitFor(
      async () => {
        const received = await mailbox(email);
        return received.length ? received : undefined;
      },
      { message: "the delay notice", timeout: 60_000 },
    );
    expect(notice!.headers["x-aftercare-trigger"]).toBe("shipment.delayed");
    expect(notice!.subject).toBe("Votre commande #9999 a du retard");
    expect(notice!.text).toContain("nous vous enverrons un remplacement ou vous rembourserons");
    expect(notice!.html).toContain(
      `https://${shop}/apps/aftercare/track?tracking=1Z999AA10123456784`,
    );
    // As if the parcel had moved and then stalled again: a second delay is still one notice per
    // parcel. The six-day-old "shipped" news was history and sent nothing.
    await db.trackingShipment.update({
      where: { id: shipment.id },
      data: { attentionReason: null, attentionSince: null },
    });
    await sendWebhook({
      shop,
      topic: "fulfillments/update",
      body: withFields(webhookFixture("fulfillments/create"), {
        status: "success",
        shipment_status: "in_transit",
        email,
        created_at: shipment.shippedAt?.toISOString() ?? shipment.createdAt.toISOString(),
        updated_at: new Date(Date.now() - 5 * DAY).toISOString(),
      }).replaceAll("1z827wk74630", "1Z999AA10123456784"),
    });
    await waitFor(
      async () =>
        (await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } }))
          .attentionReason === "stalled" || undefined,
      { message: "stalled again" },
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await mailbox(email)).map((message) => message.headers["x-aftercare-trigger"])).toEqual(
      ["shipment.delayed"],
    );
  });

  it("offers reship, refund and a drafted message; reship orders the items once at no charge", async () => {
    const { shop, email, shipment } = await stalledParcel("reship");
    const page = await (await adminDocument(shop, `/app/shipments/${shipment.id}`)).text();
    expect(page).toContain("Reship at no charge");
    expect(page).toContain(`shopify://admin/orders/820982911946154508/refund`);
    // The drafted e-mail, in the shopper's French, names the parcel and asks what they prefer.
    const mailto = decodeURIComponent(
      page
        .match(/href="(mailto:[^"]+)"/)![1]!
        .replaceAll("&amp;", "&")
        .replaceAll("&#x27;", "'"),
    );
    expect(mailto).toContain(
      `mailto:${email}?subject=Au sujet de la livraison de votre commande #9999`,
    );
    expect(mailto).toContain(
      "Votre colis 1Z999AA10123456784 (UPS) n'a pas avancé depuis quelques jours",
    );
    expect(mailto).toContain("un remplacement ou que nous vous remboursions");

    const first = await reship(shop, shipment.id);
    expect(first.status).toBe(200);
    const reshipped = await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } });
    const answer = {
      order: { shopifyId: reshipped.reshipOrderShopifyId!, name: reshipped.reshipOrderName! },
    };
    expect(await first.text()).toContain(answer.order.name);
    // A second click orders nothing more and answers with the same order.
    const second = await reship(shop, shipment.id);
    expect(second.status).toBe(200);
    expect(await second.text()).toContain(answer.order.name);

    const drafts = await store<StandinDraftOrder[]>(shop, "draftOrders");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      status: "COMPLETED",
      email,
      lines: [{ variantId: `gid://shopify/ProductVariant/${TORTOISE_VARIANT}`, quantity: 1 }],
      appliedDiscount: { value: 100, valueType: "PERCENTAGE", title: "Reshipment" },
      total: 0,
      tags: ["aftercare-reship"],
    });
    expect(drafts[0]!.shippingAddress).toMatchObject({ address1: "123 Shipping Street" });
    expect(drafts[0]!.order!.id).toBe(`gid://shopify/Order/${answer.order.shopifyId}`);
    const stored = await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } });
    expect(stored).toMatchObject({
      reshipOrderShopifyId: answer.order.shopifyId,
      reshipOrderName: answer.order.name,
      attentionReason: null,
    });
    const after = await (await adminDocument(shop, `/app/shipments/${shipment.id}`)).text();
    expect(after).toContain(`Reshipped as order ${answer.order.name}`);
    expect(after).not.toContain("Reship at no charge");
  });

  it("reships nothing for another shop, and nothing when Shopify refuses, leaving it to retry", async () => {
    const { shop, shipment } = await stalledParcel("reship-refused");
    const other = uniqueShop("reship-other");
    await installShop(other);
    const foreign = await reship(other, shipment.id);
    expect(foreign.status).toBe(404);

    // The variant is gone from the catalog: Shopify cannot order it again.
    await setCatalog(shop, []);
    const refused = await reship(shop, shipment.id);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Shopify refused: Product variant does not exist");
    expect(
      await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } }),
    ).toMatchObject({
      reshipRequestedAt: null,
      reshipOrderShopifyId: null,
      attentionReason: "stalled",
    });
    expect((await store<unknown[] | null>(shop, "draftOrders")) ?? []).toEqual([]);
    expect((await store<unknown[] | null>(other, "draftOrders")) ?? []).toEqual([]);

    await setCatalog(shop, [SUNGLASSES_NODE]);
    expect((await reship(shop, shipment.id)).status).toBe(200);
  });
});
