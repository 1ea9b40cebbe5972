import sharp from "sharp";
import type { Standin } from "../standin/server";
import {
  catalogProducts,
  type SimulatedEvent,
  type SimulatedOrder,
  type SimulatedShop,
} from "../standin/simulator/shop";

/**
 * The demo's returns, all through the storefront portal. One shopper of a delivered order returns
 * two items (one exchanged for another size, one damaged, with a photo, for store credit), which
 * waits in the admin for the merchant to approve, then inspect and process. Five more return one
 * item each, and those move themselves as the merchant's policy says: approved at once, their
 * label bought on approval, refunded on the carrier's first scan of the parcel.
 */

/**
 * The policy as the admin's editor saves it: photos for damaged items, whose refund also waits
 * for the merchant's inspection, a 10 % store-credit bonus, and returns that move themselves
 * (the label bought on approval, the refund on the carrier's first scan, with no delay).
 */
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
      holdAutomaticRefund: true,
    },
  ],
  automation: { refundOn: "first_scan", refundDelayHours: 0, issueLabelOnApproval: true },
};

/** The one-item returns that move themselves: what each shopper gives as reason and wants back. */
const SELF_MOVING_RETURNS = [
  { reason: "size-too-large", resolution: "refund" },
  { reason: "unwanted", resolution: "store_credit" },
  { reason: "color", resolution: "refund" },
  { reason: "not-as-described", resolution: "refund" },
  { reason: "style", resolution: "store_credit" },
] as const;

/** EasyPost's first scan of a parcel (https://docs.easypost.com/docs/trackers#tracking-statuses). */
const FIRST_SCAN = {
  status: "in_transit",
  status_detail: "arrived_at_facility",
  message: "Arrived at USPS Facility",
  city: "Portland",
  state: "OR",
  country: "US",
};

/** How long the demo waits for each return to move before it tells and goes on. */
const RETURN_WAIT_MS = 180_000;

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

/**
 * Saves the policy, picks the delivered orders the demo's shoppers return from (the two-item
 * return's and one per self-moving return, each of another customer) and tells the stand-in's
 * Shopify which of their fulfillment line items can be returned.
 */
export async function prepareDemoReturns(
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

  const delivered = deliveredOrderIds(events)
    .map((id) => shop.orders.find((candidate) => String(candidate.id) === id))
    .filter((candidate): candidate is SimulatedOrder =>
      Boolean(candidate && !candidate.cancelledAt),
    );
  const waiting = delivered.find(
    (candidate) =>
      candidate.lines.length >= 2 &&
      candidate.lines.some((line) => line.product.variantTitle.includes(" / ")),
  );
  if (!waiting) throw new Error("The simulated month has no delivered order with a sized item");
  const customers = new Set([waiting.customer.email]);
  const selfMoving: SimulatedOrder[] = [];
  for (const candidate of delivered) {
    if (selfMoving.length === SELF_MOVING_RETURNS.length) break;
    if (customers.has(candidate.customer.email)) continue;
    customers.add(candidate.customer.email);
    selfMoving.push(candidate);
  }

  // Shopify knows which fulfillment line items can be returned.
  const returnable: Record<string, unknown> = {};
  for (const order of [waiting, ...selfMoving]) {
    const fulfillment = events.find(
      (event) =>
        event.topic === "fulfillments/create" && event.body.includes(`"order_id":${order.id},`),
    );
    const fulfillmentId = fulfillment && /^\{"id":(\d+)/.exec(fulfillment.body)?.[1];
    if (!fulfillmentId) throw new Error(`No fulfillment for ${order.name}`);
    returnable[`gid://shopify/Order/${order.id}`] = [
      {
        fulfillmentId: `gid://shopify/Fulfillment/${fulfillmentId}`,
        lineItems: order.lines.map((line) => ({
          lineItemId: `gid://shopify/LineItem/${line.id}`,
          fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${line.id}1`,
          quantity: line.quantity,
        })),
      },
    ];
  }
  await fetch(`${standin.url}/__standin/shops/${shopDomain}/stores/returnableFulfillments`, {
    method: "POST",
    body: JSON.stringify(returnable),
  });
  return { waiting, selfMoving };
}

/**
 * The portal's lookup: the order's items and the form's idempotency key. A shopper told to try
 * again later (429: the demo's shoppers all share one address's lookup budget) does, once.
 */
async function lookUp(portal: string, order: SimulatedOrder) {
  const post = () =>
    fetch(portal, {
      method: "POST",
      body: new URLSearchParams({ step: "lookup", order: order.name, email: order.customer.email }),
    });
  let lookup = await post();
  if (lookup.status === 429) {
    const seconds = Number(lookup.headers.get("retry-after")) || 60;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    lookup = await post();
  }
  const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(await lookup.text())?.[1];
  if (!lookup.ok || !idempotencyKey) {
    throw new Error(`The returns portal did not find ${order.name} (${lookup.status})`);
  }
  return idempotencyKey;
}

/** The portal's submit form for the order looked up, with the chosen lines' fields. */
function portalForm(order: SimulatedOrder, idempotencyKey: string, lines: Record<string, string>) {
  const form = new FormData();
  const fields = { step: "submit", order: order.name, email: order.customer.email, idempotencyKey };
  for (const [name, value] of Object.entries({ ...fields, ...lines })) form.append(name, value);
  return form;
}

/** Submits the portal's form; answers the return's signed status link. */
async function submit(portal: string, form: FormData, order: SimulatedOrder) {
  const submitted = await fetch(portal, { method: "POST", body: form, redirect: "manual" });
  const location = submitted.headers.get("location");
  if (submitted.status !== 303 || !location) {
    throw new Error(`The returns portal refused the return of ${order.name} (${submitted.status})`);
  }
  return new URL(location, portal).href;
}

/** The two-item return that waits for the merchant's approval (a damaged item, with a photo). */
export async function startDemoReturn(standin: Standin, shopDomain: string, order: SimulatedOrder) {
  const sized = order.lines.find((line) => line.product.variantTitle.includes(" / "))!;
  const other = order.lines.find((line) => line !== sized)!;

  const portal = standin.storefrontUrl("/returns", shopDomain);
  const idempotencyKey = await lookUp(portal, order);
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
  const form = portalForm(order, idempotencyKey, {
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
  });
  form.append(
    `line.${other.id}.photos`,
    new Blob([new Uint8Array(photo)], { type: "image/jpeg" }),
    "damaged.jpg",
  );
  return {
    order: order.name,
    email: order.customer.email,
    items: `${sized.product.title} → ${exchangeFor.title}, ${other.product.title} (damaged, store credit)`,
    statusUrl: await submit(portal, form, order),
  };
}

/** The return's status page, as the shopper's signed link shows it. */
async function statusPage(statusUrl: string) {
  const response = await fetch(statusUrl);
  if (!response.ok) throw new Error(`The return's status page answered ${response.status}`);
  return response.text();
}

/** Polls the shopper's status page until `found` sees what it waits for, or gives up. */
async function waitOnStatusPage<T>(statusUrl: string, found: (html: string) => T | undefined) {
  const deadline = Date.now() + RETURN_WAIT_MS;
  for (;;) {
    const value = found(await statusPage(statusUrl));
    if (value !== undefined) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

export interface SelfMovingReturn {
  order: string;
  item: string;
  statusUrl: string;
}

/** One item of each order returned through the portal; each is approved at once by the policy. */
export async function startSelfMovingReturns(
  standin: Standin,
  shopDomain: string,
  orders: SimulatedOrder[],
): Promise<SelfMovingReturn[]> {
  const portal = standin.storefrontUrl("/returns", shopDomain);
  const started: SelfMovingReturn[] = [];
  for (const [index, order] of orders.entries()) {
    const choice = SELF_MOVING_RETURNS[index % SELF_MOVING_RETURNS.length]!;
    const line = order.lines[0]!;
    const idempotencyKey = await lookUp(portal, order);
    const form = portalForm(order, idempotencyKey, {
      [`line.${line.id}.selected`]: "on",
      [`line.${line.id}.quantity`]: "1",
      [`line.${line.id}.reason`]: choice.reason,
      [`line.${line.id}.resolution`]: choice.resolution,
    });
    started.push({
      order: order.name,
      item: `${line.product.title} (${choice.reason}, ${choice.resolution.replace("_", " ")})`,
      statusUrl: await submit(portal, form, order),
    });
  }
  return started;
}

/**
 * Each self-moving return's parcel, once its label is on the shopper's status page, gets the
 * carrier's first scan (EasyPost's tracker.updated, signed, from the stand-in); the policy then
 * refunds it. Answers the returns whose status page says completed in the time given.
 */
export async function scanSelfMovingReturns(standin: Standin, returns: SelfMovingReturn[]) {
  const settled = await Promise.all(
    returns.map(async (started) => {
      const tracker = await waitOnStatusPage(started.statusUrl, (html) =>
        [...standin.easypost.trackers.values()].find(
          (candidate) => candidate.is_return && html.includes(candidate.tracking_code),
        ),
      );
      if (!tracker) return { ...started, completed: false, reason: "no label was bought" };
      await standin.easypost.advance(tracker.id, FIRST_SCAN);
      const completed = await waitOnStatusPage(started.statusUrl, (html) =>
        html.includes('data-status="closed"') ? true : undefined,
      );
      return { ...started, completed: completed === true, reason: "not refunded yet" };
    }),
  );
  return settled;
}
