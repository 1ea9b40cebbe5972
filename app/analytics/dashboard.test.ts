import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { dayInZone, daysFromTo, nextDay } from "../platform/calendar";
import { captureChanges } from "./capture.server";
import { dashboard, monthsAndDays, type Range } from "./dashboard.server";
import { rebuildShop } from "./rollups.server";
import { seedShop } from "./seed.server";

/**
 * The dashboard's figures, read from the rollups, against the same KPIs recomputed here from
 * every raw row with the plainest code: each row's day by `dayInZone`, percentiles by sorting.
 * Definitions: ../shared/PRODUCT.md.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function nearestRank(values: number[], q: number) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

function ratio(a: number, b: number) {
  return b > 0 ? a / b : null;
}

function plusMonths(date: Date, months: number) {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)) + (date.getTime() % DAY));
}

async function expectedFigures(shopDomain: string, timeZone: string, range: Range) {
  const inRange = (date: Date | null) => {
    if (!date) return false;
    const day = dayInZone(date, timeZone);
    return day >= range.from && day <= range.to;
  };
  const where = { shopDomain };
  const [
    orders,
    shipments,
    checkpoints,
    revisions,
    fulfillments,
    returns,
    answers,
    entries,
    redemptions,
    messages,
    views,
    events,
    credits,
    members,
  ] = await Promise.all([
    db.order.findMany({ where }),
    db.trackingShipment.findMany({ where }),
    db.trackingCheckpoint.findMany({ where }),
    db.trackingEstimateRevision.findMany({ where }),
    db.trackingFulfillment.findMany({ where }),
    db.returnRequest.findMany({ where, include: { lines: true } }),
    db.surveyResponse.findMany({ where }),
    db.loyaltyEntry.findMany({ where }),
    db.loyaltyRedemption.findMany({ where }),
    db.notificationMessage.findMany({ where }),
    db.analyticsTrackingView.findMany({ where }),
    db.recommendationEvent.findMany({ where }),
    db.recommendationAttribution.findMany({ where }),
    db.loyaltyMember.findMany({ where }),
  ]);

  const counted = orders.filter((o) => !o.test && !o.cancelledAt);
  const net = (o: (typeof orders)[number]) => o.currentTotalPrice ?? o.totalPrice;
  const periodOrders = counted.filter((o) => inRange(o.processedAt));

  const byCustomer = new Map<string, typeof counted>();
  for (const o of counted) {
    if (!o.customerId) continue;
    byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), o]);
  }
  let newCustomers = 0;
  let repeaters = 0;
  const ltv = { 3: 0, 6: 0, 12: 0 };
  for (const list of byCustomer.values()) {
    list.sort((a, b) => a.processedAt.getTime() - b.processedAt.getTime());
    const first = list[0]!;
    if (!inRange(first.processedAt)) continue;
    newCustomers++;
    const second = list[1];
    if (second && second.processedAt.getTime() - first.processedAt.getTime() <= 90 * DAY)
      repeaters++;
    for (const months of [3, 6, 12] as const) {
      const end = plusMonths(first.processedAt, months).getTime();
      ltv[months] += list
        .filter((o) => o.processedAt.getTime() < end)
        .reduce((s, o) => s + net(o), 0);
    }
  }

  const returnFulfillments = new Set(
    fulfillments.filter((f) => f.shopifyId.startsWith("return-")).map((f) => f.id),
  );
  const outbound = shipments.filter((s) => !returnFulfillments.has(s.fulfillmentId));
  const created = outbound.filter((s) => inRange(s.createdAt));
  const exceptions = created.filter((s) =>
    checkpoints.some(
      (c) =>
        c.tag === "Exception" &&
        c.fulfillmentId === s.fulfillmentId &&
        (c.shipmentId === null || c.shipmentId === s.id),
    ),
  ).length;
  const delivered = outbound.filter((s) => s.tag === "Delivered" && inRange(s.deliveredAt));
  const fulfillmentById = new Map(fulfillments.map((f) => [f.id, f]));
  const hours = (s: (typeof shipments)[number]) => {
    const fulfilledAt = fulfillmentById.get(s.fulfillmentId)!.shopifyCreatedAt!;
    return Math.floor((s.deliveredAt!.getTime() - fulfilledAt.getTime()) / HOUR);
  };
  const firstPromise = (s: (typeof shipments)[number]) => {
    const earliest = revisions
      .filter((r) => r.shipmentId === s.id && r.kind === "revised" && r.previousLatest)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
    return earliest?.previousLatest ?? s.estimateLatest;
  };
  const promised = delivered.filter((s) => firstPromise(s));
  const onTime = promised.filter((s) => s.deliveredAt! <= firstPromise(s)!);
  const carriers = [...new Set(delivered.map((s) => s.carrier ?? "unknown"))];

  let deliveredUnits = 0;
  for (const f of fulfillments) {
    const arrived = outbound
      .filter((s) => s.fulfillmentId === f.id && s.deliveredAt)
      .sort(
        (a, b) => a.deliveredAt!.getTime() - b.deliveredAt!.getTime() || (a.id < b.id ? -1 : 1),
      )[0];
    if (arrived && arrived.tag === "Delivered" && inRange(arrived.deliveredAt)) {
      for (const line of JSON.parse(f.lineItems) as { quantity: number }[])
        deliveredUnits += line.quantity;
    }
  }

  const periodReturns = returns.filter(
    (r) => inRange(r.requestedAt) && !["declined", "cancelled"].includes(r.status),
  );
  const returnLines = periodReturns.flatMap((r) => r.lines);
  const returnedUnits = returnLines.reduce((s, l) => s + l.quantity, 0);
  const reasons = [...new Set(returnLines.map((l) => l.reason))];

  const npsAnswers = answers.filter((a) => a.kind === "nps" && inRange(a.createdAt));
  const promoters = npsAnswers.filter((a) => a.score >= 9).length;
  const detractors = npsAnswers.filter((a) => a.score <= 6).length;
  const ratings = answers.filter((a) => a.kind === "csat" && inRange(a.createdAt));

  const periodEntries = entries.filter((e) => inRange(e.createdAt));
  const movement = (...kinds: string[]) =>
    periodEntries
      .filter((e) => kinds.includes(e.kind))
      .reduce((s, e) => s + e.points + e.pendingPoints, 0);
  const used = redemptions.filter((r) => inRange(r.usedAt));
  const sent = messages.filter((m) => m.status === "sent" && inRange(m.createdAt));
  const periodViews = views.filter((v) => inRange(v.createdAt));
  const periodEvents = events.filter((e) => inRange(e.createdAt));
  const periodCredits = credits.filter((c) => inRange(c.orderCreatedAt));
  const owedPoints = members.reduce((s, m) => s + Math.max(0, m.balance), 0);

  return {
    orders: periodOrders.length,
    revenue: periodOrders.reduce((s, o) => s + o.totalPrice, 0),
    netRevenue: periodOrders.reduce((s, o) => s + net(o), 0),
    nps: npsAnswers.length ? (100 * (promoters - detractors)) / npsAnswers.length : null,
    npsN: npsAnswers.length,
    csat: ratio(ratings.filter((r) => r.score >= 4).length, ratings.length),
    csatN: ratings.length,
    repeatRate: ratio(repeaters, newCustomers),
    newCustomers,
    ltv3: ratio(ltv[3], newCustomers),
    ltv6: ratio(ltv[6], newCustomers),
    ltv12: ratio(ltv[12], newCustomers),
    returnedUnits,
    returnedValue: returnLines.reduce((s, l) => s + l.amount, 0),
    deliveredUnits,
    returnRate: ratio(returnedUnits, deliveredUnits),
    returnsByReason: reasons
      .map((reason) => ({
        reason,
        units: returnLines.filter((l) => l.reason === reason).reduce((s, l) => s + l.quantity, 0),
      }))
      .sort((a, b) => b.units - a.units || (a.reason < b.reason ? -1 : 1)),
    delivered: delivered.length,
    medianDays: delivered.length ? nearestRank(delivered.map(hours), 0.5)! / 24 : null,
    p90Days: delivered.length ? nearestRank(delivered.map(hours), 0.9)! / 24 : null,
    onTimeRate: ratio(onTime.length, promised.length),
    carriers: carriers
      .map((carrier) => {
        const mine = delivered.filter((s) => (s.carrier ?? "unknown") === carrier);
        const minePromised = mine.filter((s) => firstPromise(s));
        return {
          carrier,
          medianDays: nearestRank(mine.map(hours), 0.5)! / 24,
          onTimeRate: ratio(
            minePromised.filter((s) => s.deliveredAt! <= firstPromise(s)!).length,
            minePromised.length,
          ),
        };
      })
      .sort((a, b) => (a.carrier < b.carrier ? -1 : 1)),
    shipments: created.length,
    exceptionRate: ratio(exceptions, created.length),
    pageViews: periodViews.filter((v) => v.surface === "page").length,
    widgetViews: periodViews.filter((v) => v.surface === "widget").length,
    emailsSent: sent.length,
    emailsOpened: sent.filter((m) => m.openedAt).length,
    pointsIssued: movement("earn"),
    pointsRedeemed: 0 - movement("hold", "release"),
    pointsExpired: 0 - movement("expire"),
    redeemerOrders: used.length,
    redeemerRevenue: used.reduce((s, r) => s + (r.usedOrderTotal ?? 0), 0),
    impressions: periodEvents.filter((e) => e.kind === "impression").length,
    clicks: periodEvents.filter((e) => e.kind === "click").length,
    recOrders: periodCredits.length,
    recRevenueUsd: periodCredits
      .filter((c) => c.currency === "USD")
      .reduce((s, c) => s + c.revenue, 0),
    trackingPageOrders: periodCredits.filter((c) => c.surface === "tracking_page").length,
    trackingPageRevenueUsd: periodCredits
      .filter((c) => c.currency === "USD" && c.surface === "tracking_page")
      .reduce((s, c) => s + c.revenue, 0),
    emailRevenueUsd: periodCredits
      .filter((c) => c.currency === "USD" && c.surface === "email")
      .reduce((s, c) => s + c.revenue, 0),
    liabilityPoints: owedPoints,
    // The seeded program's only reward: 500 points for 500 minor units off, 1 per point.
    liabilityValue: owedPoints,
  };
}

async function dashboardFigures(shopDomain: string, range: Range) {
  const { current: f, liability } = await dashboard(shopDomain, range, "USD");
  return {
    orders: f.orders,
    revenue: f.revenue,
    netRevenue: f.netRevenue,
    nps: f.nps?.score ?? null,
    npsN: f.nps?.n ?? 0,
    csat: f.csat.rate,
    csatN: f.csat.n,
    repeatRate: f.repeat.rate,
    newCustomers: f.repeat.newCustomers,
    ltv3: f.ltv.month3,
    ltv6: f.ltv.month6,
    ltv12: f.ltv.month12,
    returnedUnits: f.returns.units,
    returnedValue: f.returns.value,
    deliveredUnits: f.returns.deliveredUnits,
    returnRate: f.returns.rate,
    returnsByReason: f.returns.byReason
      .map(({ reason, units }) => ({ reason, units }))
      .sort((a, b) => b.units - a.units || (a.reason < b.reason ? -1 : 1)),
    delivered: f.delivery.delivered,
    medianDays: f.delivery.medianDays,
    p90Days: f.delivery.p90Days,
    onTimeRate: f.delivery.onTimeRate,
    carriers: f.delivery.byCarrier
      .map(({ carrier, medianDays, onTimeRate }) => ({ carrier, medianDays, onTimeRate }))
      .sort((a, b) => (a.carrier < b.carrier ? -1 : 1)),
    shipments: f.delivery.shipments,
    exceptionRate: f.delivery.exceptionRate,
    pageViews: f.wismo.pageViews,
    widgetViews: f.wismo.widgetViews,
    emailsSent: f.wismo.emailsSent,
    emailsOpened: f.wismo.emailsOpened,
    pointsIssued: f.loyalty.issued,
    pointsRedeemed: f.loyalty.redeemed,
    pointsExpired: f.loyalty.expired,
    redeemerOrders: f.loyalty.redeemerOrders,
    redeemerRevenue: f.loyalty.redeemerRevenue,
    impressions: f.recommendations.impressions,
    clicks: f.recommendations.clicks,
    recOrders: f.recommendations.orders,
    recRevenueUsd: f.recommendations.revenue,
    trackingPageOrders: f.recommendations.trackingPage.orders,
    trackingPageRevenueUsd: f.recommendations.trackingPage.revenue,
    emailRevenueUsd: f.recommendations.email.revenue,
    liabilityPoints: liability.points,
    liabilityValue: liability.value,
  };
}

function ranges(timeZone: string, now: Date): Range[] {
  const today = dayInZone(now, timeZone);
  return [
    { from: nextDay(today, -6), to: today },
    { from: nextDay(today, -29), to: today },
    { from: nextDay(today, -75), to: nextDay(today, -31) },
    { from: nextDay(today, -130), to: today },
    { from: today, to: today },
    // Last calendar month alone: the range is read from the monthly sums only.
    {
      from: `${nextDay(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`,
      to: nextDay(`${today.slice(0, 7)}-01`, -1),
    },
  ];
}

describe("a range read as month sums plus and minus days", () => {
  it("takes whole months from their sums, and a part month by its days or as its sum less the rest", () => {
    // Today is the range's last day: the days after it hold no rows and cost nothing to subtract.
    expect(monthsAndDays({ from: "2026-01-30", to: "2026-04-02" })).toEqual({
      months: ["2026-02", "2026-03", "2026-04"],
      days: ["2026-01-30", "2026-01-31"],
      minusDays: daysFromTo("2026-04-03", "2026-04-30"),
    });
    expect(monthsAndDays({ from: "2024-02-01", to: "2024-02-29" })).toEqual({
      months: ["2024-02"],
      days: [],
      minusDays: [],
    });
    // The last 30 days: 7 days of November subtracted, December's sum less nothing past today.
    expect(monthsAndDays({ from: "2026-11-08", to: "2026-12-07" })).toEqual({
      months: ["2026-11", "2026-12"],
      days: [],
      minusDays: [
        ...daysFromTo("2026-11-01", "2026-11-07"),
        ...daysFromTo("2026-12-08", "2026-12-31"),
      ],
    });
    // A past range: the month's later days hold rows, so its days in the range are cheaper.
    expect(monthsAndDays({ from: "2026-03-01", to: "2026-03-10" }, "2026-12-07")).toEqual({
      months: [],
      days: daysFromTo("2026-03-01", "2026-03-10"),
      minusDays: [],
    });
    expect(monthsAndDays({ from: "2026-03-05", to: "2026-03-31" }, "2026-12-07")).toEqual({
      months: ["2026-03"],
      days: [],
      minusDays: daysFromTo("2026-03-01", "2026-03-04"),
    });
  });
});

describe("the dashboard's figures equal the KPIs recomputed from raw rows", () => {
  it.each(["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata"])(
    "in %s, for several ranges, after a rebuild and after later changes are captured",
    async (timeZone) => {
      const shopDomain = `kpi-${randomUUID().slice(0, 8)}.myshopify.com`;
      const now = new Date();
      await seedShop({ shopDomain, timeZone, customers: 40, days: 120, ordersPerCustomer: 2, now });
      await captureChanges(shopDomain, new Date());
      for (const range of ranges(timeZone, now)) {
        expect(await dashboardFigures(shopDomain, range), JSON.stringify(range)).toEqual(
          await expectedFigures(shopDomain, timeZone, range),
        );
      }

      expect(
        (await dashboardFigures(shopDomain, ranges(timeZone, now)[0]!)).liabilityPoints,
      ).toBeGreaterThan(0);

      // Later changes, from any path: a customer's first order cancelled (their cohort moves to
      // their next order), a new order, a parcel delivered late, an answer, a view, points
      // adjusted (one balance driven negative, which offsets nothing).
      const customer = await db.customer.findFirstOrThrow({
        where: { shopDomain, orders: { some: {} } },
        include: { orders: { orderBy: { processedAt: "asc" } } },
      });
      await db.order.update({
        where: { id: customer.orders[0]!.id },
        data: { cancelledAt: new Date() },
      });
      await seedShop({
        shopDomain,
        timeZone,
        customers: 5,
        days: 2,
        ordersPerCustomer: 1,
        seed: 7,
        now: new Date(),
      });
      const pending = await db.trackingShipment.findFirst({
        where: { shopDomain, tag: "InTransit", estimateLatest: { not: null } },
      });
      if (pending) {
        await db.trackingShipment.update({
          where: { id: pending.id },
          data: {
            tag: "Delivered",
            subtag: "Delivered_001",
            deliveredAt: new Date(Date.now() - 60_000),
          },
        });
      }
      await db.surveyResponse.create({
        data: { shopDomain, kind: "nps", subjectKey: randomUUID(), score: 3, source: "thank_you" },
      });
      await db.analyticsTrackingView.create({ data: { shopDomain, surface: "widget" } });
      const [richest, other] = await db.loyaltyMember.findMany({
        where: { shopDomain },
        orderBy: [{ balance: "desc" }, { id: "asc" }],
        take: 2,
      });
      await db.loyaltyMember.update({ where: { id: richest!.id }, data: { balance: -40 } });
      await db.loyaltyMember.update({
        where: { id: other!.id },
        data: { balance: { increment: 250 } },
      });
      await captureChanges(shopDomain, new Date());
      for (const range of ranges(timeZone, new Date())) {
        expect(await dashboardFigures(shopDomain, range), JSON.stringify(range)).toEqual(
          await expectedFigures(shopDomain, timeZone, range),
        );
      }
    },
    300_000,
  );

  it("gives the same rows whether a day is refreshed once, twice, or rebuilt", async () => {
    const shopDomain = `kpi-${randomUUID().slice(0, 8)}.myshopify.com`;
    await seedShop({
      shopDomain,
      timeZone: "Europe/Paris",
      customers: 20,
      days: 20,
      ordersPerCustomer: 2,
    });
    const snapshot = async () =>
      (
        await db.analyticsDaily.findMany({
          where: { shopDomain },
          select: { day: true, metric: true, dimension: true, value: true },
        })
      )
        .map((row) => `${row.day} ${row.metric} ${row.dimension} ${row.value}`)
        .sort();
    const monthlySnapshot = async () =>
      (
        await db.analyticsMonthly.findMany({
          where: { shopDomain },
          select: { month: true, metric: true, dimension: true, value: true },
        })
      )
        .map((row) => `${row.month} ${row.metric} ${row.dimension} ${row.value}`)
        .sort();
    /** The months' rows as their days sum them. */
    const summedDays = async () => {
      const sums = new Map<string, bigint>();
      for (const row of await db.analyticsDaily.findMany({ where: { shopDomain } })) {
        const k = `${row.day.slice(0, 7)} ${row.metric} ${row.dimension}`;
        sums.set(k, (sums.get(k) ?? 0n) + row.value);
      }
      return [...sums.entries()].map(([k, value]) => `${k} ${value}`).sort();
    };
    await rebuildShop(shopDomain);
    const first = await snapshot();
    const firstMonthly = await monthlySnapshot();
    expect(firstMonthly).toEqual(await summedDays());
    expect(first.length).toBeGreaterThan(100);
    await db.analyticsCursor.update({
      where: { shopDomain },
      data: { capturedUntil: new Date(Date.now() - 30 * DAY) },
    });
    await captureChanges(shopDomain);
    expect(await snapshot()).toEqual(first);
    expect(await monthlySnapshot()).toEqual(firstMonthly);
    await rebuildShop(shopDomain);
    expect(await snapshot()).toEqual(first);
    expect(await monthlySnapshot()).toEqual(firstMonthly);
  });
});

/**
 * Cohorts split by the first order's experience, recomputed here from every raw row: each new
 * customer of the last 12 months by their first order's delivery against its first promise, a
 * return of it, their first NPS answer and loyalty membership; months counted only for cohorts
 * old enough to have lived them.
 */
async function expectedExperiences(shopDomain: string, timeZone: string, now: Date) {
  const where = { shopDomain };
  const [orders, customers, shipments, fulfillments, revisions, returns, answers, members] =
    await Promise.all([
      db.order.findMany({ where }),
      db.customer.findMany({ where }),
      db.trackingShipment.findMany({ where }),
      db.trackingFulfillment.findMany({ where }),
      db.trackingEstimateRevision.findMany({ where }),
      db.returnRequest.findMany({ where }),
      db.surveyResponse.findMany({ where }),
      db.loyaltyMember.findMany({ where }),
    ]);
  const today = dayInZone(now, timeZone);
  const firstMonth = `${nextDay(`${today.slice(0, 7)}-01`, -335).slice(0, 7)}-01`;
  const [cy, cm] = today.split("-").map(Number) as [number, number];
  const net = (o: (typeof orders)[number]) => o.currentTotalPrice ?? o.totalPrice;
  const firstPromise = (s: (typeof shipments)[number]) =>
    revisions
      .filter((r) => r.shipmentId === s.id && r.kind === "revised" && r.previousLatest)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]?.previousLatest ??
    s.estimateLatest;
  const tallies = new Map<
    string,
    { customers: number; base: number[]; repeat: number[]; revenue: number[] }
  >();
  for (const customer of customers) {
    const mine = orders
      .filter((o) => o.customerId === customer.id && !o.test && !o.cancelledAt)
      .sort((a, b) => a.processedAt.getTime() - b.processedAt.getTime());
    const first = mine[0];
    if (!first) continue;
    const day = dayInZone(first.processedAt, timeZone);
    if (day < firstMonth || day > today) continue;
    const [y, m] = day.split("-").map(Number) as [number, number];
    const elapsed = (cy - y) * 12 + (cm - m) + 1;
    const parcels = shipments.filter((s) => {
      const fulfillment = fulfillments.find((f) => f.id === s.fulfillmentId)!;
      return (
        fulfillment.orderShopifyId === first.shopifyId &&
        !fulfillment.shopifyId.startsWith("return-") &&
        s.deliveredAt &&
        firstPromise(s)
      );
    });
    const delivery = parcels.length
      ? parcels.some((s) => s.deliveredAt! > firstPromise(s)!)
        ? "late"
        : "on_time"
      : null;
    const returned = returns.some(
      (r) =>
        r.orderShopifyId === first.shopifyId &&
        r.kind === "return" &&
        !["declined", "cancelled"].includes(r.status),
    );
    const answer = answers
      .filter((a) => a.kind === "nps" && a.customerShopifyId === customer.shopifyId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))[0];
    const nps = answer
      ? answer.score >= 9
        ? "promoter"
        : answer.score >= 7
          ? "passive"
          : "detractor"
      : null;
    const member = members.some((x) => x.customerShopifyId === customer.shopifyId);
    const segments = [
      ...(delivery ? [`delivery:${delivery}`] : []),
      returned ? "return:returned" : "return:kept",
      ...(nps ? [`nps:${nps}`] : []),
      member ? "loyalty:member" : "loyalty:not_member",
    ];
    for (const segment of segments) {
      const tally = tallies.get(segment) ?? {
        customers: 0,
        base: [0, 0, 0],
        repeat: [0, 0, 0],
        revenue: [0, 0, 0],
      };
      tally.customers += 1;
      [3, 6, 12].forEach((months, i) => {
        if (elapsed < months) return;
        const boundary = plusMonths(first.processedAt, months);
        tally.base[i]! += 1;
        if (mine[1] && mine[1].processedAt < boundary) tally.repeat[i]! += 1;
        tally.revenue[i]! += mine
          .filter((o) => o.processedAt < boundary)
          .reduce((s, o) => s + net(o), 0);
      });
      tallies.set(segment, tally);
    }
  }
  const order = [
    "delivery:late",
    "delivery:on_time",
    "return:returned",
    "return:kept",
    "nps:promoter",
    "nps:passive",
    "nps:detractor",
    "loyalty:member",
    "loyalty:not_member",
  ];
  return order.flatMap((segment) => {
    const tally = tallies.get(segment);
    if (!tally) return [];
    return [
      {
        segment,
        customers: tally.customers,
        repeatRate: tally.repeat.map((r, i) => ratio(r, tally.base[i]!)),
        revenuePerCustomer: tally.revenue.map((r, i) => ratio(r, tally.base[i]!)),
      },
    ];
  });
}

describe("cohorts split by the first order's experience", () => {
  it("equal the split recomputed from raw rows, after a rebuild and after later changes", async () => {
    const shopDomain = `experience-${randomUUID().slice(0, 8)}.myshopify.com`;
    const timeZone = "America/Los_Angeles";
    const now = new Date();
    await seedShop({ shopDomain, timeZone, customers: 30, days: 330, ordersPerCustomer: 2, now });
    // The looks are dated a few minutes ahead, and so are the changes below: the second look
    // sees those changes alone, not the seed again.
    const ahead = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    await captureChanges(shopDomain, ahead(5));
    const today = dayInZone(now, timeZone);
    const split = async () =>
      (await dashboard(shopDomain, { from: today, to: today }, "USD")).experiences;
    const expected = await expectedExperiences(shopDomain, timeZone, now);
    expect(expected.map((row) => row.segment)).toEqual(
      expect.arrayContaining(["delivery:late", "delivery:on_time", "loyalty:member"]),
    );
    expect(await split()).toEqual(expected);

    // Later, with no new order: a return of a first order and a first NPS answer move a customer
    // of a recent cohort between segments (the rollup of their first order's day must follow).
    const customer = await db.customer.findFirstOrThrow({
      where: {
        shopDomain,
        orders: { some: { processedAt: { gte: new Date(now.getTime() - 60 * DAY) } } },
      },
      include: { orders: { orderBy: { processedAt: "asc" } } },
    });
    const firstOrder = customer.orders[0]!;
    await db.returnRequest.create({
      data: {
        shopDomain,
        orderShopifyId: firstOrder.shopifyId,
        orderName: firstOrder.name,
        customerShopifyId: customer.shopifyId,
        email: customer.email,
        idempotencyKey: randomUUID(),
        currency: "USD",
        requestedAt: new Date(),
        updatedAt: ahead(6),
      },
    });
    await db.surveyResponse.create({
      data: {
        shopDomain,
        kind: "nps",
        subjectKey: randomUUID(),
        score: 2,
        source: "thank_you",
        customerShopifyId: customer.shopifyId,
        createdAt: new Date(firstOrder.processedAt.getTime() - DAY),
        updatedAt: ahead(6),
      },
    });
    await captureChanges(shopDomain, ahead(7));
    const moved = await expectedExperiences(shopDomain, timeZone, new Date());
    expect(moved).not.toEqual(expected);
    expect(await split()).toEqual(moved);
  }, 300_000);
});
