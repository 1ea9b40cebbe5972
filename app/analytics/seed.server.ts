import { randomUUID } from "node:crypto";
import { db } from "../db.server";

/**
 * A shop with known, varied data in every raw table the dashboard reads, written straight into
 * the capabilities' tables (as their own code would leave them), for the rollup test and the
 * dashboard bench. Deterministic for a seed.
 */

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CARRIERS = ["ups", "usps", "fedex", null];
const REGIONS = ["US-CA", "US-NY", "CA-ON", null];
const REASONS = ["size-too-small", "damaged", "arrived-late", "unwanted"];
const PRODUCTS = ["Linen shirt", "Wool socks", "Canvas tote", "Rain jacket"];

export interface SeedOptions {
  shopDomain: string;
  timeZone: string;
  customers: number;
  /** Orders are spread over this many days ending `now`. */
  days: number;
  ordersPerCustomer: number;
  seed?: number;
  now?: Date;
  /** Rows written per statement. */
  batchSize?: number;
}

export async function seedShop(options: SeedOptions) {
  const { shopDomain, timeZone, days } = options;
  const now = options.now ?? new Date();
  const random = prng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const between = (from: number, to: number) => from + random() * (to - from);
  const batchSize = options.batchSize ?? 500;
  const latest = now.getTime() - 5 * 60_000;
  const earliest = latest - days * DAY;

  await db.shop.upsert({
    where: { domain: shopDomain },
    create: {
      domain: shopDomain,
      ianaTimezone: timeZone,
      currencyCode: "USD",
      name: "Seeded shop",
    },
    update: { ianaTimezone: timeZone },
  });
  await db.loyaltySettings.upsert({
    where: { shopDomain },
    create: {
      shopDomain,
      rewards: JSON.stringify([
        { id: "five", name: "$5 off", kind: "fixed", points: 500, value: 500, minimumOrder: 0 },
      ]),
    },
    update: {},
  });

  type Rows = Record<string, unknown>[];
  const buffers: Record<string, Rows> = {};
  const creators: Record<string, (data: Rows) => Promise<unknown>> = {
    customer: (data) => db.customer.createMany({ data: data as never }),
    order: (data) => db.order.createMany({ data: data as never }),
    fulfillment: (data) => db.trackingFulfillment.createMany({ data: data as never }),
    shipment: (data) => db.trackingShipment.createMany({ data: data as never }),
    checkpoint: (data) => db.trackingCheckpoint.createMany({ data: data as never }),
    revision: (data) => db.trackingEstimateRevision.createMany({ data: data as never }),
    returnRequest: (data) => db.returnRequest.createMany({ data: data as never }),
    returnLine: (data) => db.returnLine.createMany({ data: data as never }),
    survey: (data) => db.surveyResponse.createMany({ data: data as never }),
    member: (data) => db.loyaltyMember.createMany({ data: data as never }),
    entry: (data) => db.loyaltyEntry.createMany({ data: data as never }),
    redemption: (data) => db.loyaltyRedemption.createMany({ data: data as never }),
    message: (data) => db.notificationMessage.createMany({ data: data as never }),
    view: (data) => db.analyticsTrackingView.createMany({ data: data as never }),
    recEvent: (data) => db.recommendationEvent.createMany({ data: data as never }),
    attribution: (data) => db.recommendationAttribution.createMany({ data: data as never }),
  };
  // Parents are written before children: flushing follows this order.
  const order = Object.keys(creators);
  const flush = async () => {
    for (const table of order) {
      const rows = buffers[table];
      if (rows?.length) {
        buffers[table] = [];
        for (let i = 0; i < rows.length; i += batchSize) {
          await creators[table]!(rows.slice(i, i + batchSize));
        }
      }
    }
  };
  const add = async (table: string, row: Record<string, unknown>) => {
    (buffers[table] ??= []).push(row);
    if (buffers[table].length >= batchSize * 4) await flush();
  };

  // Ids apart per seed, so a second seed adds to a shop.
  const idBase = (options.seed ?? 1) * 100_000_000;
  let orderNumber = idBase / 10_000;
  let orders = 0;
  for (let c = 0; c < options.customers; c++) {
    const customerId = randomUUID();
    const customerShopifyId = String(idBase + c);
    const email = `shopper${idBase + c}@example.com`;
    await add("customer", {
      id: customerId,
      shopDomain,
      shopifyId: customerShopifyId,
      email,
      firstName: pick(["Ana", "Ben", "Chloé", "Dieter", "Elena"]),
      lastName: `Shopper${idBase + c}`,
      phone: `+1555${String(c).padStart(7, "0")}`,
    });
    const memberId = randomUUID();
    const member = random() < 0.6;
    let balance = 0;
    if (member) {
      await add("member", { id: memberId, shopDomain, customerShopifyId, email });
    }
    const count = Math.max(1, Math.round(between(0.2, options.ordersPerCustomer * 2 - 0.2)));
    for (let o = 0; o < count; o++) {
      orders++;
      const orderId = randomUUID();
      const orderShopifyId = String(idBase + 50_000_000 + orders);
      const processedAt = new Date(between(earliest, latest));
      const totalPrice = Math.round(between(1500, 20000));
      const refunded = random() < 0.1;
      const cancelled = random() < 0.05;
      const name = `#${++orderNumber}`;
      await add("order", {
        id: orderId,
        shopDomain,
        shopifyId: orderShopifyId,
        name,
        orderNumber,
        email,
        customerId,
        currency: "USD",
        presentmentCurrency: "USD",
        totalPrice,
        currentTotalPrice: refunded
          ? Math.round(totalPrice / 2)
          : random() < 0.5
            ? totalPrice
            : null,
        subtotalPrice: totalPrice,
        totalDiscounts: 0,
        totalShipping: 0,
        totalTax: 0,
        presentmentTotalPrice: totalPrice,
        cancelledAt: cancelled ? new Date(processedAt.getTime() + HOUR) : null,
        test: random() < 0.03,
        processedAt,
        shopifyCreatedAt: processedAt,
        shopifyUpdatedAt: processedAt,
      });
      if (member && !cancelled) {
        const points = Math.round(totalPrice / 100);
        balance += points;
        await add("entry", {
          shopDomain,
          memberId,
          source: "order",
          kind: "earn",
          idempotencyKey: `earn:${orderShopifyId}`,
          points,
          orderShopifyId,
          createdAt: new Date(processedAt.getTime() + 60_000),
        });
        if (random() < 0.1 && balance > 500) {
          balance -= 500;
          const usedAt = new Date(Math.min(latest, processedAt.getTime() + between(HOUR, 5 * DAY)));
          const redemptionId = randomUUID();
          await add("redemption", {
            id: redemptionId,
            shopDomain,
            memberId,
            rewardId: "five",
            requestKey: randomUUID(),
            kind: "fixed",
            points: 500,
            value: 500,
            currency: "USD",
            state: "issued",
            usedOrderShopifyId: orderShopifyId,
            usedOrderTotal: totalPrice,
            usedAt,
          });
          await add("entry", {
            shopDomain,
            memberId,
            source: "reward",
            kind: "hold",
            idempotencyKey: `hold:${redemptionId}`,
            points: -500,
            redemptionId,
            createdAt: new Date(processedAt.getTime() + 2 * 60_000),
          });
        }
        if (random() < 0.03) {
          await add("entry", {
            shopDomain,
            memberId,
            source: "expiry",
            kind: "expire",
            idempotencyKey: `expire:${orderShopifyId}`,
            points: -Math.min(balance, 50),
            createdAt: new Date(Math.min(latest, processedAt.getTime() + 3 * DAY)),
          });
          balance -= Math.min(balance, 50);
        }
      }
      if (random() < 0.5) {
        const sentAt = new Date(Math.min(latest, processedAt.getTime() + 2 * HOUR));
        await add("message", {
          shopDomain,
          trigger: "shipment.shipped",
          subjectKey: `shipped:${orderShopifyId}`,
          recipient: email,
          customerShopifyId,
          orderShopifyId,
          orderName: name,
          data: "{}",
          status: random() < 0.9 ? "sent" : "failed",
          sendAfter: sentAt,
          sentAt,
          subject: "Your order is on its way",
          openedAt: random() < 0.4 ? new Date(sentAt.getTime() + HOUR) : null,
          createdAt: sentAt,
        });
      }
      for (let v = Math.floor(between(0, 3)); v > 0; v--) {
        await add("view", {
          shopDomain,
          orderShopifyId,
          surface: pick(["page", "widget"]),
          createdAt: new Date(between(processedAt.getTime(), latest)),
        });
      }
      if (random() < 0.3) {
        const shownAt = new Date(processedAt.getTime() + 30_000);
        const product = pick(PRODUCTS);
        await add("recEvent", {
          shopDomain,
          orderShopifyId,
          productId: product,
          kind: "impression",
          customerShopifyId,
          createdAt: shownAt,
        });
        if (random() < 0.3) {
          await add("recEvent", {
            shopDomain,
            orderShopifyId,
            productId: product,
            kind: "click",
            customerShopifyId,
            createdAt: new Date(shownAt.getTime() + 10_000),
          });
        }
      }
      if (random() < 0.05) {
        await add("attribution", {
          shopDomain,
          orderShopifyId,
          customerShopifyId,
          clickId: randomUUID(),
          productIds: "1",
          revenue: Math.round(totalPrice / 3),
          currency: random() < 0.8 ? "USD" : "EUR",
          surface: pick(["thank_you", "tracking_page", "email"]),
          orderCreatedAt: processedAt,
        });
      }
      if (random() < 0.35) {
        await add("survey", {
          shopDomain,
          kind: "nps",
          subjectKey: orderShopifyId,
          orderShopifyId,
          customerShopifyId,
          score: Math.floor(between(0, 11)),
          comment: random() < 0.3 ? "Lovely fabric, slow parcel" : null,
          source: "thank_you",
          createdAt: new Date(processedAt.getTime() + 5 * 60_000),
        });
      }

      if (cancelled || random() < 0.15) continue;
      const fulfillmentId = randomUUID();
      const fulfilledAt = new Date(
        Math.min(latest, processedAt.getTime() + between(HOUR, 2 * DAY)),
      );
      const lines = [
        { title: pick(PRODUCTS), quantity: 1 + Math.floor(between(0, 3)) },
        ...(random() < 0.4 ? [{ title: pick(PRODUCTS), quantity: 1 }] : []),
      ];
      await add("fulfillment", {
        id: fulfillmentId,
        shopDomain,
        shopifyId: String(idBase + 90_000_000 + orders),
        orderShopifyId,
        orderName: name,
        email,
        customerShopifyId,
        status: "success",
        lineItems: JSON.stringify(lines),
        shopifyCreatedAt: fulfilledAt,
        shopifyUpdatedAt: fulfilledAt,
      });
      const parcels = random() < 0.1 ? 2 : 1;
      for (let p = 0; p < parcels; p++) {
        const shipmentId = randomUUID();
        const transit = between(20 * HOUR, 9 * DAY);
        const deliveredTime = fulfilledAt.getTime() + transit;
        const delivered = deliveredTime < latest && random() < 0.85;
        const exception = random() < 0.08;
        const firstPromise = new Date(fulfilledAt.getTime() + between(2 * DAY, 7 * DAY));
        const revised = random() < 0.3;
        const estimateLatest = revised
          ? new Date(firstPromise.getTime() + between(DAY, 3 * DAY))
          : firstPromise;
        const trackingNumber = `1Z${idBase + orders}X${p}`;
        await add("shipment", {
          id: shipmentId,
          shopDomain,
          fulfillmentId,
          trackingNumber,
          trackingKey: trackingNumber,
          carrier: pick(CARRIERS),
          destinationRegion: pick(REGIONS),
          tag: delivered ? "Delivered" : exception ? "Exception" : "InTransit",
          subtag: delivered ? "Delivered_001" : exception ? "Exception_012" : "InTransit_001",
          shippedAt: fulfilledAt,
          deliveredAt: delivered ? new Date(deliveredTime) : null,
          estimateEarliest: new Date(estimateLatest.getTime() - DAY),
          estimateLatest,
          estimateSource: "history",
          createdAt: fulfilledAt,
        });
        if (revised) {
          await add("revision", {
            shopDomain,
            shipmentId,
            kind: "revised",
            previousEarliest: new Date(firstPromise.getTime() - DAY),
            previousLatest: firstPromise,
            earliest: new Date(estimateLatest.getTime() - DAY),
            latest: estimateLatest,
            createdAt: new Date(fulfilledAt.getTime() + DAY),
          });
        }
        if (exception) {
          await add("checkpoint", {
            shopDomain,
            fulfillmentId,
            // Half of them are Shopify fulfillment-level events that concern every parcel.
            shipmentId: random() < 0.5 ? shipmentId : null,
            source: "shopify",
            dedupeKey: `exception:${shipmentId}`,
            occurredAt: new Date(fulfilledAt.getTime() + DAY),
            tag: "Exception",
            subtag: "Exception_012",
            message: "Damaged",
          });
        }
        if (delivered) {
          await add("checkpoint", {
            shopDomain,
            fulfillmentId,
            shipmentId,
            source: "shopify",
            dedupeKey: `delivered:${shipmentId}`,
            occurredAt: new Date(deliveredTime),
            tag: "Delivered",
            subtag: "Delivered_001",
            message: "Delivered",
          });
          if (random() < 0.3) {
            await add("survey", {
              shopDomain,
              kind: "csat",
              subjectKey: shipmentId,
              orderShopifyId,
              customerShopifyId,
              score: 1 + Math.floor(between(0, 5)),
              source: "email",
              createdAt: new Date(Math.min(latest, deliveredTime + HOUR)),
            });
          }
          if (random() < 0.12 && p === 0) {
            const returnId = randomUUID();
            const status = pick(["requested", "open", "closed", "declined", "cancelled", "closed"]);
            await add("returnRequest", {
              id: returnId,
              shopDomain,
              orderShopifyId,
              orderName: name,
              email,
              customerShopifyId,
              idempotencyKey: randomUUID(),
              status,
              currency: "USD",
              requestedAt: new Date(Math.min(latest, deliveredTime + between(HOUR, 5 * DAY))),
            });
            for (const line of lines) {
              if (random() < 0.6) {
                const quantity = 1 + Math.floor(between(0, line.quantity));
                await add("returnLine", {
                  shopDomain,
                  returnId,
                  lineItemShopifyId: randomUUID(),
                  title: line.title,
                  quantity,
                  reason: pick(REASONS),
                  resolution: "refund",
                  unitPrice: 2500,
                  amount: 2500 * quantity,
                });
              }
            }
          }
        }
      }
    }
  }
  await flush();
  // A member's balance is the sum of their entries' points, as the ledger keeps it.
  await db.$executeRaw`UPDATE "LoyaltyMember" SET "balance" = (
      SELECT COALESCE(SUM("points"), 0) FROM "LoyaltyEntry"
       WHERE "LoyaltyEntry"."memberId" = "LoyaltyMember"."id")
    WHERE "shopDomain" = ${shopDomain}`;
  return { orders };
}
