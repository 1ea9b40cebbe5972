import { db } from "../db.server";
import { outstandingPoints } from "../loyalty/index.server";
import { dayInZone } from "../platform/calendar";
import { chunks, rebuildShop, refreshDays, shopTimeZone } from "./rollups.server";

/**
 * Keeps the rollups current: reads the rows each capability changed since the last look (by
 * their `updatedAt`, or `createdAt` for append-only tables), marks the days they are dated on,
 * and recomputes those days. Every write path (webhooks, shoppers' pages, the admin, jobs) is
 * seen without each one having to remember to report, and a look that runs twice marks the
 * same days again, which changes nothing.
 */

/** Rows are read again this far behind the last look: a transaction stamps `updatedAt` before it commits. */
const OVERLAP_MS = 2 * 60_000;

async function changedDays(shopDomain: string, since: Date, timeZone: string) {
  const days = new Set<string>();
  const mark = (date: Date | null | undefined) => {
    if (date) days.add(dayInZone(date, timeZone));
  };
  const changed = { gte: since };
  const [
    orders,
    shipments,
    returns,
    answers,
    entries,
    redemptions,
    messages,
    views,
    events,
    credits,
    questions,
    conversations,
    members,
  ] = await Promise.all([
    db.order.findMany({
      where: { shopDomain, updatedAt: changed },
      select: { processedAt: true, customerId: true },
    }),
    db.trackingShipment.findMany({
      where: { shopDomain, updatedAt: changed },
      select: {
        createdAt: true,
        deliveredAt: true,
        fulfillment: { select: { orderShopifyId: true } },
      },
    }),
    db.returnRequest.findMany({
      where: { shopDomain, updatedAt: changed },
      select: { requestedAt: true, customerShopifyId: true },
    }),
    db.surveyResponse.findMany({
      where: { shopDomain, updatedAt: changed },
      select: { createdAt: true, customerShopifyId: true },
    }),
    db.loyaltyEntry.findMany({
      where: { shopDomain, createdAt: changed },
      select: { createdAt: true },
    }),
    db.loyaltyRedemption.findMany({
      where: { shopDomain, updatedAt: changed },
      select: { usedAt: true },
    }),
    db.notificationMessage.findMany({
      where: { shopDomain, updatedAt: changed },
      select: { createdAt: true },
    }),
    db.analyticsTrackingView.findMany({
      where: { shopDomain, createdAt: changed },
      select: { createdAt: true },
    }),
    db.recommendationEvent.findMany({
      where: { shopDomain, createdAt: changed },
      select: { createdAt: true },
    }),
    db.recommendationAttribution.findMany({
      where: { shopDomain, createdAt: changed },
      select: { orderCreatedAt: true },
    }),
    db.supportAssistantQuestion.findMany({
      where: { shopDomain, createdAt: changed },
      select: { createdAt: true },
    }),
    // A reply or a closing changes the times of the day the conversation opened.
    db.supportConversation.findMany({
      where: { shopDomain, updatedAt: changed },
      select: { createdAt: true },
    }),
    db.loyaltyMember.findMany({
      where: { shopDomain, createdAt: changed },
      select: { customerShopifyId: true },
    }),
  ]);
  for (const order of orders) mark(order.processedAt);
  // A customer's order changes their cohort figures, kept on the day of their first order; so
  // does what happened after it (a delivery, a return, an answer, joining the loyalty program).
  const customerIds = [
    ...new Set([
      ...orders.flatMap((order) => order.customerId ?? []),
      ...(await customersOf(shopDomain, {
        customerShopifyIds: [...returns, ...answers, ...members].flatMap(
          (row) => row.customerShopifyId ?? [],
        ),
        orderShopifyIds: shipments.flatMap((shipment) =>
          shipment.deliveredAt ? [shipment.fulfillment.orderShopifyId] : [],
        ),
      })),
    ]),
  ];
  for (let i = 0; i < customerIds.length; i += 500) {
    const firsts = await db.order.groupBy({
      by: ["customerId"],
      where: {
        shopDomain,
        test: false,
        cancelledAt: null,
        customerId: { in: customerIds.slice(i, i + 500) },
      },
      _min: { processedAt: true },
    });
    for (const first of firsts) mark(first._min.processedAt);
  }
  for (const shipment of shipments) {
    mark(shipment.createdAt);
    mark(shipment.deliveredAt);
  }
  for (const ret of returns) mark(ret.requestedAt);
  for (const answer of answers) mark(answer.createdAt);
  for (const entry of entries) mark(entry.createdAt);
  for (const redemption of redemptions) mark(redemption.usedAt);
  for (const message of messages) mark(message.createdAt);
  for (const view of views) mark(view.createdAt);
  for (const event of events) mark(event.createdAt);
  for (const credit of credits) mark(credit.orderCreatedAt);
  for (const question of questions) mark(question.createdAt);
  for (const conversation of conversations) mark(conversation.createdAt);
  return days;
}

/** Our customer ids behind Shopify customer ids and the customers of Shopify orders. */
async function customersOf(
  shopDomain: string,
  {
    customerShopifyIds,
    orderShopifyIds,
  }: { customerShopifyIds: string[]; orderShopifyIds: string[] },
) {
  const ids: string[] = [];
  const unique = (values: string[]) => [...new Set(values)];
  for (const batch of chunks(unique(customerShopifyIds))) {
    const rows = await db.customer.findMany({
      where: { shopDomain, shopifyId: { in: batch } },
      select: { id: true },
    });
    ids.push(...rows.map((row) => row.id));
  }
  for (const batch of chunks(unique(orderShopifyIds))) {
    const rows = await db.order.findMany({
      where: { shopDomain, shopifyId: { in: batch }, customerId: { not: null } },
      select: { customerId: true },
    });
    ids.push(...rows.map((row) => row.customerId!));
  }
  return ids;
}

/**
 * Before a bulk writer (a history import) adds a shop's past: a shop never captured is rebuilt
 * now, over the little it holds, so the writer's rows are then captured day by day (the days they
 * touch) instead of by a rebuild over every day since its oldest one.
 */
export async function prepareForBulkWrite(shopDomain: string, now = new Date()) {
  const cursor = await db.analyticsCursor.findUnique({ where: { shopDomain } });
  if (!cursor || cursor.timeZone !== (await shopTimeZone(shopDomain))) {
    await rebuildShop(shopDomain, { now });
  }
}

/**
 * One look for a shop: marks the changed days, then recomputes every marked day. A shop seen for
 * the first time, or whose time zone changed, is rebuilt instead.
 */
export async function captureChanges(shopDomain: string, now = new Date()) {
  const timeZone = await shopTimeZone(shopDomain);
  const cursor = await db.analyticsCursor.findUnique({ where: { shopDomain } });
  if (!cursor || cursor.timeZone !== timeZone) {
    const rebuilt = await rebuildShop(shopDomain, { now });
    return { rebuilt: true, refreshed: rebuilt.days };
  }
  const since = new Date(cursor.capturedUntil.getTime() - OVERLAP_MS);
  const days = await changedDays(shopDomain, since, timeZone);
  for (const day of days) {
    await db.analyticsDirtyDay.upsert({
      where: { shopDomain_day: { shopDomain, day } },
      create: { shopDomain, day, markedAt: now },
      update: { markedAt: now },
    });
  }
  await db.analyticsCursor.update({
    where: { shopDomain },
    data: { capturedUntil: now, liabilityPoints: await outstandingPoints(shopDomain) },
  });
  const dirty = await db.analyticsDirtyDay.findMany({ where: { shopDomain } });
  await refreshDays(
    shopDomain,
    dirty.map((row) => row.day),
    timeZone,
  );
  // A day marked again while it was being recomputed stays marked for the next look.
  await db.analyticsDirtyDay.deleteMany({
    where: { shopDomain, day: { in: dirty.map((row) => row.day) }, markedAt: { lte: now } },
  });
  return { rebuilt: false, refreshed: dirty.length };
}
