import { db } from "../db.server";
import { dayInZone, daysFromTo, nextDay, startOfDayInZone } from "../platform/calendar";
import {
  customerCohortFigures,
  isOnTime,
  isSatisfied,
  npsGroup,
  orderNetRevenue,
  transitHours,
} from "./kpi";
import { METRIC, surfaceRevenueDimension } from "./metrics";
import { ledgerMovements, outstandingPoints } from "../loyalty/index.server";
import { RETURN_FULFILLMENT_PREFIX } from "../tracking/index.server";
import { EXPERIENCE_MONTHS, experienceSegments } from "./experiences";
import { customerExperiences } from "./experiences.server";

/**
 * The daily rollups: each day of a shop (in its time zone) is recomputed from the raw rows dated
 * on it, so refreshing a day twice, or after a replayed webhook, gives the same rows (exactly
 * once in effect), and a rebuild is every day refreshed.
 */

class Tally {
  readonly values = new Map<string, { metric: string; dimension: string; value: number }>();

  add(metric: string, value: number, dimension = "") {
    if (value === 0) return;
    const key = `${metric}\u0000${dimension}`;
    const row = this.values.get(key);
    if (row) row.value += value;
    else this.values.set(key, { metric, dimension, value });
  }
}

/** Ids per query: well under SQLite's and PostgreSQL's bound-parameter limits. */
export function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Orders of the day, and the cohort of customers whose first order fell on it. */
async function tallyOrders(tally: Tally, shopDomain: string, start: Date, end: Date) {
  const orders = await db.order.findMany({
    where: { shopDomain, test: false, processedAt: { gte: start, lt: end } },
    select: { customerId: true, totalPrice: true, currentTotalPrice: true, cancelledAt: true },
  });
  const customerIds = new Set<string>();
  for (const order of orders) {
    if (order.cancelledAt) continue;
    tally.add(METRIC.orders, 1);
    tally.add(METRIC.revenue, order.totalPrice);
    tally.add(METRIC.netRevenue, orderNetRevenue(order));
    if (order.customerId) customerIds.add(order.customerId);
  }
  for (const ids of chunks([...customerIds])) {
    const [history, shopifyIds] = await Promise.all([
      db.order.findMany({
        where: { shopDomain, test: false, cancelledAt: null, customerId: { in: ids } },
        select: {
          shopifyId: true,
          customerId: true,
          processedAt: true,
          totalPrice: true,
          currentTotalPrice: true,
        },
      }),
      db.customer.findMany({ where: { id: { in: ids } }, select: { id: true, shopifyId: true } }),
    ]);
    const byCustomer = new Map<
      string,
      { shopifyId: string; processedAt: Date; netRevenue: number }[]
    >();
    for (const order of history) {
      const list = byCustomer.get(order.customerId!) ?? [];
      list.push({
        shopifyId: order.shopifyId,
        processedAt: order.processedAt,
        netRevenue: orderNetRevenue({ ...order, cancelledAt: null }),
      });
      byCustomer.set(order.customerId!, list);
    }
    const shopifyIdOf = new Map(shopifyIds.map((row) => [row.id, row.shopifyId]));
    const newCustomers = [];
    for (const [customerId, customerOrders] of byCustomer) {
      const figures = customerCohortFigures({ orders: customerOrders });
      if (!figures || figures.firstOrderAt < start || figures.firstOrderAt >= end) continue;
      tally.add(METRIC.newCustomers, 1);
      tally.add(METRIC.repeat90, figures.repeated90 ? 1 : 0);
      figures.repeatedByMonth.forEach((repeated, index) =>
        tally.add(METRIC.cohortRepeaters, repeated ? 1 : 0, String(index + 1)),
      );
      figures.revenueByMonth.forEach((revenue, index) =>
        tally.add(METRIC.cohortRevenue, revenue, String(index + 1)),
      );
      const customerShopifyId = shopifyIdOf.get(customerId);
      const first = customerOrders.find(
        (order) => order.processedAt.getTime() === figures.firstOrderAt.getTime(),
      );
      if (customerShopifyId && first) {
        newCustomers.push({ customerShopifyId, firstOrderShopifyId: first.shopifyId, figures });
      }
    }
    if (newCustomers.length === 0) continue;
    const experiences = await customerExperiences(shopDomain, newCustomers);
    for (const { customerShopifyId, figures } of newCustomers) {
      const experience = experiences.get(customerShopifyId);
      if (!experience) continue;
      for (const segment of experienceSegments(experience)) {
        tally.add(METRIC.experienceCustomers, 1, segment);
        for (const months of EXPERIENCE_MONTHS) {
          const dimension = `${segment}|${months}`;
          tally.add(
            METRIC.experienceRepeaters,
            figures.repeatedByMonth[months - 1] ? 1 : 0,
            dimension,
          );
          tally.add(METRIC.experienceRevenue, figures.revenueByMonth[months - 1] ?? 0, dimension);
        }
      }
    }
  }
}

interface FulfillmentLine {
  title?: string;
  variantTitle?: string | null;
  quantity?: number;
}

/** One variant of a product, as the return-rate-by-variant table names it. */
export function variantLabel(title: string, variantTitle: string | null | undefined) {
  return variantTitle ? `${title} / ${variantTitle}` : title;
}

/** Shipments created that day (exception rate) and delivered that day (speed, promises, units). */
async function tallyShipments(tally: Tally, shopDomain: string, start: Date, end: Date) {
  const notReturn = {
    NOT: { fulfillment: { shopifyId: { startsWith: RETURN_FULFILLMENT_PREFIX } } },
  };
  const created = await db.trackingShipment.findMany({
    where: { shopDomain, createdAt: { gte: start, lt: end }, ...notReturn },
    select: { id: true, fulfillmentId: true },
  });
  const exceptional = new Set<string>();
  for (const batch of chunks(created)) {
    const scans = await db.trackingCheckpoint.findMany({
      where: { fulfillmentId: { in: batch.map((s) => s.fulfillmentId) }, tag: "Exception" },
      select: { fulfillmentId: true, shipmentId: true },
    });
    for (const shipment of batch) {
      const scanned = scans.some(
        (scan) =>
          scan.fulfillmentId === shipment.fulfillmentId &&
          (scan.shipmentId === null || scan.shipmentId === shipment.id),
      );
      if (scanned) exceptional.add(shipment.id);
    }
  }
  tally.add(METRIC.shipments, created.length);
  tally.add(METRIC.exceptions, exceptional.size);

  const delivered = await db.trackingShipment.findMany({
    where: { shopDomain, tag: "Delivered", deliveredAt: { gte: start, lt: end }, ...notReturn },
    select: {
      id: true,
      deliveredAt: true,
      carrier: true,
      destinationRegion: true,
      estimateLatest: true,
      fulfillment: {
        select: {
          shopifyCreatedAt: true,
          lineItems: true,
          shipments: { select: { id: true, deliveredAt: true } },
        },
      },
      estimates: {
        where: { kind: "revised", previousLatest: { not: null } },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { previousLatest: true },
      },
    },
  });
  for (const shipment of delivered) {
    const deliveredAt = shipment.deliveredAt!;
    const carrier = shipment.carrier ?? "unknown";
    const region = shipment.destinationRegion ?? "unknown";
    tally.add(METRIC.deliveries, 1);
    const fulfilledAt = shipment.fulfillment.shopifyCreatedAt;
    if (fulfilledAt) {
      const hours = transitHours(fulfilledAt, deliveredAt);
      tally.add(METRIC.deliveryHours, 1, String(hours));
      tally.add(METRIC.deliveryHoursByCarrier, 1, `${carrier}|${hours}`);
      tally.add(METRIC.deliveryHoursByRegion, 1, `${region}|${hours}`);
    }
    const firstPromise = shipment.estimates[0]?.previousLatest ?? shipment.estimateLatest;
    if (firstPromise) {
      const onTime = isOnTime(deliveredAt, firstPromise) ? 1 : 0;
      tally.add(METRIC.promised, 1);
      tally.add(METRIC.onTime, onTime);
      tally.add(METRIC.promisedByCarrier, 1, carrier);
      tally.add(METRIC.onTimeByCarrier, onTime, carrier);
    }
    if (firstDeliveredOfFulfillment(shipment.id, shipment.fulfillment.shipments)) {
      for (const line of JSON.parse(shipment.fulfillment.lineItems) as FulfillmentLine[]) {
        const quantity = line.quantity ?? 0;
        tally.add(METRIC.deliveredUnits, quantity);
        tally.add(METRIC.deliveredUnitsByProduct, quantity, line.title ?? "");
        tally.add(
          METRIC.deliveredUnitsByVariant,
          quantity,
          variantLabel(line.title ?? "", line.variantTitle),
        );
      }
    }
  }
}

/** A fulfillment's units count once, on the day its first shipment arrived (ties: lowest id). */
export function firstDeliveredOfFulfillment(
  shipmentId: string,
  shipments: { id: string; deliveredAt: Date | null }[],
) {
  const first = shipments
    .filter((s) => s.deliveredAt)
    .sort(
      (a, b) => a.deliveredAt!.getTime() - b.deliveredAt!.getTime() || (a.id < b.id ? -1 : 1),
    )[0];
  return first?.id === shipmentId;
}

async function tallyReturns(tally: Tally, shopDomain: string, start: Date, end: Date) {
  const returns = await db.returnRequest.findMany({
    where: {
      shopDomain,
      requestedAt: { gte: start, lt: end },
      status: { notIn: ["declined", "cancelled"] },
    },
    select: {
      kind: true,
      requestedAt: true,
      processedAt: true,
      lines: {
        select: {
          title: true,
          variantTitle: true,
          quantity: true,
          reason: true,
          resolution: true,
          amount: true,
        },
      },
    },
  });
  for (const ret of returns) {
    tally.add(METRIC.returns, 1);
    if (ret.processedAt && ret.kind !== "warranty") {
      const hours = Math.floor((ret.processedAt.getTime() - ret.requestedAt.getTime()) / 3_600_000);
      tally.add(METRIC.refundHours, 1, String(Math.max(0, hours)));
    }
    for (const line of ret.lines) {
      const variant = variantLabel(line.title, line.variantTitle);
      tally.add(METRIC.returnedValueByProduct, line.amount, line.title);
      tally.add(METRIC.returnedUnitsByVariant, line.quantity, variant);
      tally.add(METRIC.returnedValueByVariant, line.amount, variant);
      tally.add(METRIC.returnedUnitsByResolution, line.quantity, line.resolution);
      tally.add(METRIC.returnedValueByResolution, line.amount, line.resolution);
      tally.add(METRIC.returnedUnits, line.quantity);
      tally.add(METRIC.returnedValue, line.amount);
      tally.add(METRIC.returnedUnitsByReason, line.quantity, line.reason);
      tally.add(METRIC.returnedValueByReason, line.amount, line.reason);
      tally.add(METRIC.returnedUnitsByProduct, line.quantity, line.title);
    }
  }
}

async function tallySurveys(tally: Tally, shopDomain: string, start: Date, end: Date) {
  const answers = await db.surveyResponse.findMany({
    // Naming the kinds lets the (shopDomain, kind, createdAt) index serve the range.
    where: { shopDomain, kind: { in: ["nps", "csat"] }, createdAt: { gte: start, lt: end } },
    select: { kind: true, score: true },
  });
  for (const answer of answers) {
    if (answer.kind === "nps") {
      tally.add(METRIC.npsAnswers, 1);
      const group = npsGroup(answer.score);
      tally.add(METRIC.npsPromoters, group === "promoter" ? 1 : 0);
      tally.add(METRIC.npsDetractors, group === "detractor" ? 1 : 0);
    } else if (answer.kind === "csat") {
      tally.add(METRIC.csatAnswers, 1);
      tally.add(METRIC.csatSatisfied, isSatisfied(answer.score) ? 1 : 0);
    }
  }
}

/** Ledger movements as the liability report classifies them, and what reward codes brought in. */
async function tallyLoyalty(tally: Tally, shopDomain: string, start: Date, end: Date) {
  const movements = await ledgerMovements(shopDomain, start, end);
  tally.add(METRIC.pointsIssued, movements.issued);
  tally.add(METRIC.pointsRedeemed, movements.redeemed);
  tally.add(METRIC.pointsExpired, movements.expired);
  tally.add(METRIC.pointsReversed, movements.reversed);
  const used = await db.loyaltyRedemption.aggregate({
    where: { shopDomain, usedAt: { gte: start, lt: end } },
    _sum: { usedOrderTotal: true },
    _count: true,
  });
  tally.add(METRIC.redeemerOrders, used._count);
  tally.add(METRIC.redeemerRevenue, used._sum.usedOrderTotal ?? 0);
}

async function tallyEngagement(tally: Tally, shopDomain: string, start: Date, end: Date) {
  const window = { gte: start, lt: end };
  const [sent, opened, views, events, attributions] = await Promise.all([
    db.notificationMessage.count({ where: { shopDomain, createdAt: window, status: "sent" } }),
    db.notificationMessage.count({
      where: { shopDomain, createdAt: window, status: "sent", openedAt: { not: null } },
    }),
    db.analyticsTrackingView.groupBy({
      by: ["surface"],
      where: { shopDomain, createdAt: window },
      _count: true,
    }),
    db.recommendationEvent.groupBy({
      by: ["kind"],
      where: { shopDomain, kind: { in: ["impression", "click"] }, createdAt: window },
      _count: true,
    }),
    db.recommendationAttribution.groupBy({
      by: ["currency", "surface"],
      where: { shopDomain, orderCreatedAt: window },
      _count: true,
      _sum: { revenue: true },
    }),
  ]);
  tally.add(METRIC.messagesSent, sent);
  tally.add(METRIC.messagesOpened, opened);
  for (const view of views) tally.add(METRIC.trackingViews, view._count, view.surface);
  for (const event of events) {
    if (event.kind === "impression") tally.add(METRIC.recImpressions, event._count);
    if (event.kind === "click") tally.add(METRIC.recClicks, event._count);
  }
  for (const group of attributions) {
    tally.add(METRIC.recOrders, group._count);
    tally.add(METRIC.recRevenue, group._sum.revenue ?? 0, group.currency);
    tally.add(METRIC.recSurfaceOrders, group._count, group.surface);
    tally.add(
      METRIC.recSurfaceRevenue,
      group._sum.revenue ?? 0,
      surfaceRevenueDimension(group.surface, group.currency),
    );
  }
}

/** The assistant's questions and the conversations opened that day, with their response times. */
async function tallySupport(tally: Tally, shopDomain: string, start: Date, end: Date) {
  const window = { gte: start, lt: end };
  const [questions, conversations] = await Promise.all([
    db.supportAssistantQuestion.count({ where: { shopDomain, createdAt: window } }),
    db.supportConversation.findMany({
      where: { shopDomain, createdAt: window },
      select: { createdAt: true, firstResponseAt: true, closedAt: true },
    }),
  ]);
  tally.add(METRIC.supportQuestions, questions);
  tally.add(METRIC.supportContacts, conversations.length);
  const minutes = (from: Date, to: Date) =>
    String(Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000)));
  for (const conversation of conversations) {
    if (conversation.firstResponseAt) {
      tally.add(
        METRIC.supportFirstResponseMinutes,
        1,
        minutes(conversation.createdAt, conversation.firstResponseAt),
      );
    }
    if (conversation.closedAt) {
      tally.add(
        METRIC.supportResolutionMinutes,
        1,
        minutes(conversation.createdAt, conversation.closedAt),
      );
    }
  }
}

/** Every figure of one shop's day, from the raw rows dated on it. */
export async function computeDay(shopDomain: string, day: string, timeZone: string) {
  const start = startOfDayInZone(day, timeZone);
  const end = startOfDayInZone(nextDay(day), timeZone);
  const tally = new Tally();
  await tallyOrders(tally, shopDomain, start, end);
  await tallyShipments(tally, shopDomain, start, end);
  await tallyReturns(tally, shopDomain, start, end);
  await tallySurveys(tally, shopDomain, start, end);
  await tallyLoyalty(tally, shopDomain, start, end);
  await tallyEngagement(tally, shopDomain, start, end);
  await tallySupport(tally, shopDomain, start, end);
  return [...tally.values.values()];
}

/** Recomputes one day and replaces its rows; its month's sums follow only through refreshMonths. */
async function replaceDay(shopDomain: string, day: string, timeZone: string) {
  const rows = await computeDay(shopDomain, day, timeZone);
  await db.$transaction([
    db.analyticsDaily.deleteMany({ where: { shopDomain, day } }),
    db.analyticsDaily.createMany({
      data: rows.map((row) => ({ shopDomain, day, ...row, value: BigInt(row.value) })),
    }),
  ]);
  return rows.length;
}

/** "2026-12" of "2026-12-05". */
export const monthOf = (day: string) => day.slice(0, 7);

/** Re-sums each month's rows from its days, so `AnalyticsMonthly` always equals its days' sum. */
export async function refreshMonths(shopDomain: string, months: Iterable<string>) {
  for (const month of new Set(months)) {
    await db.$transaction([
      db.analyticsMonthly.deleteMany({ where: { shopDomain, month } }),
      db.$executeRaw`INSERT INTO "AnalyticsMonthly" ("shopDomain", "month", "metric", "dimension", "value")
        SELECT "shopDomain", ${month}, "metric", "dimension", SUM("value")
          FROM "AnalyticsDaily"
         WHERE "shopDomain" = ${shopDomain} AND "day" >= ${`${month}-01`} AND "day" <= ${`${month}-31`}
         GROUP BY "shopDomain", "metric", "dimension"`,
    ]);
  }
}

/** Recomputes days and replaces their rows, then their months' sums. */
export async function refreshDays(shopDomain: string, days: string[], timeZone: string) {
  let rows = 0;
  for (const day of days) rows += await replaceDay(shopDomain, day, timeZone);
  await refreshMonths(shopDomain, days.map(monthOf));
  return rows;
}

export async function shopTimeZone(shopDomain: string) {
  const shop = await db.shop.findUnique({
    where: { domain: shopDomain },
    select: { ianaTimezone: true },
  });
  return shop?.ianaTimezone ?? "UTC";
}

/** The earliest instant any raw row of the shop is dated at. */
async function earliestActivity(shopDomain: string): Promise<Date | null> {
  const where = { shopDomain };
  const firsts = await Promise.all([
    db.order.aggregate({ where, _min: { processedAt: true } }).then((r) => r._min.processedAt),
    db.trackingShipment
      .aggregate({ where, _min: { createdAt: true } })
      .then((r) => r._min.createdAt),
    db.returnRequest
      .aggregate({ where, _min: { requestedAt: true } })
      .then((r) => r._min.requestedAt),
    db.surveyResponse.aggregate({ where, _min: { createdAt: true } }).then((r) => r._min.createdAt),
    db.loyaltyEntry.aggregate({ where, _min: { createdAt: true } }).then((r) => r._min.createdAt),
    db.loyaltyRedemption.aggregate({ where, _min: { usedAt: true } }).then((r) => r._min.usedAt),
    db.notificationMessage
      .aggregate({ where, _min: { createdAt: true } })
      .then((r) => r._min.createdAt),
    db.analyticsTrackingView
      .aggregate({ where, _min: { createdAt: true } })
      .then((r) => r._min.createdAt),
    db.recommendationEvent
      .aggregate({ where, _min: { createdAt: true } })
      .then((r) => r._min.createdAt),
    db.recommendationAttribution
      .aggregate({ where, _min: { orderCreatedAt: true } })
      .then((r) => r._min.orderCreatedAt),
    db.supportAssistantQuestion
      .aggregate({ where, _min: { createdAt: true } })
      .then((r) => r._min.createdAt),
    db.supportConversation
      .aggregate({ where, _min: { createdAt: true } })
      .then((r) => r._min.createdAt),
  ]);
  const times = firsts.flatMap((date) => (date ? [date.getTime()] : []));
  return times.length ? new Date(Math.min(...times)) : null;
}

/**
 * Every rollup of a shop recomputed from the raw tables, one day at a time (memory stays that of
 * a day), in the shop's current time zone; the change capture then continues from its start.
 */
export async function rebuildShop(
  shopDomain: string,
  {
    now = new Date(),
    onDay,
  }: { now?: Date; onDay?: (day: string, index: number, total: number) => void } = {},
) {
  const startedAt = now;
  const timeZone = await shopTimeZone(shopDomain);
  const earliest = await earliestActivity(shopDomain);
  await db.analyticsDaily.deleteMany({ where: { shopDomain } });
  await db.analyticsMonthly.deleteMany({ where: { shopDomain } });
  const days = earliest ? daysFromTo(dayInZone(earliest, timeZone), dayInZone(now, timeZone)) : [];
  let rows = 0;
  for (const [index, day] of days.entries()) {
    rows += await replaceDay(shopDomain, day, timeZone);
    onDay?.(day, index, days.length);
  }
  await refreshMonths(shopDomain, days.map(monthOf));
  await db.analyticsDirtyDay.deleteMany({ where: { shopDomain, markedAt: { lte: startedAt } } });
  const cursor = {
    capturedUntil: startedAt,
    timeZone,
    rebuiltAt: new Date(),
    liabilityPoints: await outstandingPoints(shopDomain),
  };
  await db.analyticsCursor.upsert({
    where: { shopDomain },
    create: { shopDomain, ...cursor },
    update: cursor,
  });
  return { days: days.length, rows, timeZone };
}
