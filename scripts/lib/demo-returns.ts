import sharp from "sharp";
import type { Standin } from "../standin/server";
import {
  catalogProducts,
  type SimulatedEvent,
  type SimulatedShop,
} from "../standin/simulator/shop";

/**
 * The demo's return: a shopper of a delivered order returns two items through the storefront
 * portal (one exchanged for another size, one damaged, with a photo, for store credit), which
 * waits in the admin for the merchant to approve, label, receive and process.
 */

/** The policy as the admin's editor saves it: photos for damaged items, 10 % store-credit bonus. */
const DEMO_POLICY = {
  windowDays: "30",
  deliveryBufferDays: "5",
  resolutions: ["refund", "store_credit", "exchange"],
  storeCreditBonusPercent: "10",
  returnShippingFee: "0",
  restockingFeePercent: "0",
  waiveFeesFor: ["exchange", "store_credit"],
  greenReturnMaxValue: "",
  greenReturnReasons: "",
  rules: [
    {
      id: "damaged",
      name: "Damaged items",
      productTags: "",
      collectionIds: "",
      productTypes: "",
      reasons: "damaged",
      discounted: "any",
      finalSale: "any",
      returnable: "any",
      windowDays: "",
      resolutions: ["refund", "store_credit"],
      photosRequired: true,
      keepItem: false,
    },
  ],
};

type AdminPost = (pathname: string, fields: Record<string, string>) => Promise<Response>;

/** Order ids delivered most recently first, from the simulated carrier events. */
function deliveredOrderIds(events: SimulatedEvent[]) {
  return events
    .filter((event) => event.topic === "fulfillment_events/create")
    .filter((event) => event.body.includes('"status":"delivered"'))
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((event) => /"order_id":(\d+)/.exec(event.body)?.[1])
    .filter((id): id is string => Boolean(id));
}

export async function startDemoReturn(
  standin: Standin,
  shopDomain: string,
  shop: SimulatedShop,
  events: SimulatedEvent[],
  adminPost: AdminPost,
) {
  const saved = await adminPost("/app/returns/settings.data", {
    intent: "save",
    policy: JSON.stringify(DEMO_POLICY),
  });
  if (!saved.ok) throw new Error(`Saving the return policy failed (${saved.status})`);

  const delivered = deliveredOrderIds(events);
  const order = delivered
    .map((id) => shop.orders.find((candidate) => String(candidate.id) === id))
    .find(
      (candidate) =>
        candidate &&
        !candidate.cancelledAt &&
        candidate.lines.length >= 2 &&
        candidate.lines.some((line) => line.product.variantTitle.includes(" / ")),
    );
  if (!order) throw new Error("The simulated month has no delivered order with a sized item");
  const sized = order.lines.find((line) => line.product.variantTitle.includes(" / "))!;
  const other = order.lines.find((line) => line !== sized)!;

  // Shopify knows which fulfillment line items can be returned.
  const fulfillment = events.find(
    (event) =>
      event.topic === "fulfillments/create" && event.body.includes(`"order_id":${order.id},`),
  );
  const fulfillmentId = fulfillment && /^\{"id":(\d+)/.exec(fulfillment.body)?.[1];
  if (!fulfillmentId) throw new Error(`No fulfillment for ${order.name}`);
  await fetch(`${standin.url}/__standin/shops/${shopDomain}/stores/returnableFulfillments`, {
    method: "POST",
    body: JSON.stringify({
      [`gid://shopify/Order/${order.id}`]: [
        {
          fulfillmentId: `gid://shopify/Fulfillment/${fulfillmentId}`,
          lineItems: order.lines.map((line) => ({
            lineItemId: `gid://shopify/LineItem/${line.id}`,
            fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${line.id}1`,
            quantity: line.quantity,
          })),
        },
      ],
    }),
  });

  const portal = standin.storefrontUrl("/returns", shopDomain);
  const lookup = await fetch(portal, {
    method: "POST",
    body: new URLSearchParams({ step: "lookup", order: order.name, email: order.customer.email }),
  });
  const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(await lookup.text())?.[1];
  if (!lookup.ok || !idempotencyKey) {
    throw new Error(`The returns portal did not find ${order.name} (${lookup.status})`);
  }
  const exchangeFor = catalogProducts([sized.product], new Date())[0]!.variants.find(
    (variant) =>
      variant.id !== `gid://shopify/ProductVariant/${sized.product.variantId}` &&
      (variant.inventoryQuantity ?? 0) > 0,
  )!;
  const photo = await sharp({
    create: { width: 1200, height: 900, channels: 3, background: "#b45f4d" },
  })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  for (const [name, value] of Object.entries({
    step: "submit",
    order: order.name,
    email: order.customer.email,
    idempotencyKey,
    [`line.${sized.id}.selected`]: "on",
    [`line.${sized.id}.quantity`]: "1",
    [`line.${sized.id}.reason`]: "size-too-small",
    [`line.${sized.id}.resolution`]: "exchange",
    [`line.${sized.id}.variant`]: exchangeFor.id.split("/").pop()!,
    [`line.${other.id}.selected`]: "on",
    [`line.${other.id}.quantity`]: "1",
    [`line.${other.id}.reason`]: "damaged",
    [`line.${other.id}.resolution`]: "store_credit",
    [`line.${other.id}.note`]: "The corner was crushed in transit",
  })) {
    form.append(name, value);
  }
  form.append(
    `line.${other.id}.photos`,
    new Blob([new Uint8Array(photo)], { type: "image/jpeg" }),
    "damaged.jpg",
  );
  const submitted = await fetch(portal, { method: "POST", body: form, redirect: "manual" });
  const location = submitted.headers.get("location");
  if (submitted.status !== 303 || !location) {
    throw new Error(`The returns portal refused the demo return (${submitted.status})`);
  }
  return {
    order: order.name,
    email: order.customer.email,
    items: `${sized.product.title} → ${exchangeFor.title}, ${other.product.title} (damaged, store credit)`,
    statusUrl: new URL(location, portal).href,
  };
}
