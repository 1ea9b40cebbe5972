import { db } from "../db.server";
import { formatMoney } from "../platform/shopify/money";
import { customerCohortFigures, isSatisfied, npsGroup, orderNetRevenue, share } from "./kpi";
import { customerConversations } from "../support/index.server";

/**
 * The customer record: one customer's orders, shipments, emails, returns, points and answers in
 * one timeline, with their headline figures. Every query is scoped to the shop and to this
 * customer (their Shopify id, their orders, their email).
 */

export const CUSTOMERS_PAGE_SIZE = 25;

/** Search by email, name, phone or order number ("#1001" or "1001"); the latest customers without a query. */
export async function searchCustomers(shopDomain: string, query: string | undefined, page = 1) {
  const q = query?.trim() ?? "";
  const digits = q.replace(/[^\d]/g, "");
  const conditions = [];
  if (q) {
    conditions.push({ email: { contains: q.toLowerCase() } });
    for (const variant of new Set([q, q.charAt(0).toUpperCase() + q.slice(1).toLowerCase()])) {
      conditions.push({ firstName: { contains: variant } }, { lastName: { contains: variant } });
    }
    const [first, ...rest] = q.split(/\s+/);
    if (first && rest.length) {
      conditions.push({ firstName: { contains: first }, lastName: { contains: rest.join(" ") } });
    }
    if (digits.length >= 3) conditions.push({ phone: { contains: digits } });
    if (digits && /^#?\d+$/.test(q)) {
      conditions.push({ orders: { some: { shopDomain, name: `#${digits}` } } });
    }
  }
  const where = { shopDomain, ...(conditions.length ? { OR: conditions } : {}) };
  const rows = await db.customer.findMany({
    where,
    orderBy: { updatedAt: "desc" },
    skip: (page - 1) * CUSTOMERS_PAGE_SIZE,
    take: CUSTOMERS_PAGE_SIZE + 1,
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      phone: true,
      _count: { select: { orders: true } },
    },
  });
  return {
    customers: rows.slice(0, CUSTOMERS_PAGE_SIZE).map((row) => ({
      id: row.id,
      name: displayName(row),
      email: row.email,
      phone: row.phone,
      orders: row._count.orders,
    })),
    hasNext: rows.length > CUSTOMERS_PAGE_SIZE,
  };
}

function displayName(row: {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}) {
  return [row.firstName, row.lastName].filter(Boolean).join(" ") || row.email || "—";
}

export type TimelineKind =
  "order" | "shipment" | "email" | "return" | "points" | "survey" | "support";

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  title: string;
  detail?: string;
  /** An admin path about this entry. */
  url?: string;
  /** Something went wrong for the shopper here (a missed estimate, an exception, a detractor). */
  critical?: boolean;
}

const SCAN_LABELS: Record<string, string> = {
  InTransit: "In transit",
  OutForDelivery: "Out for delivery",
  AvailableForPickup: "Available for pickup",
  AttemptFail: "Delivery attempt failed",
  Delivered: "Delivered",
  Exception: "Exception",
  Expired: "No news for 30 days",
};

/** One customer's record, or null when the shop has no such customer. */
export async function customerRecord(shopDomain: string, customerId: string) {
  const customer = await db.customer.findFirst({ where: { id: customerId, shopDomain } });
  if (!customer) return null;
  const orders = await db.order.findMany({
    where: { shopDomain, customerId: customer.id },
    orderBy: { processedAt: "desc" },
    include: { lineItems: { select: { quantity: true } } },
  });
  const orderIds = orders.map((order) => order.shopifyId);
  const customerShopifyId = customer.shopifyId;
  const mine = { OR: [{ customerShopifyId }, { orderShopifyId: { in: orderIds } }] };
  const [fulfillments, messages, returns, member, answers, conversations] = await Promise.all([
    db.trackingFulfillment.findMany({
      where: { shopDomain, orderShopifyId: { in: orderIds } },
      include: {
        shipments: {
          include: {
            checkpoints: { orderBy: { occurredAt: "asc" } },
            estimates: { where: { kind: "missed" } },
          },
        },
      },
    }),
    db.notificationMessage.findMany({
      where: {
        shopDomain,
        OR: [{ customerShopifyId }, ...(customer.email ? [{ recipient: customer.email }] : [])],
      },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    db.returnRequest.findMany({ where: { shopDomain, ...mine }, include: { lines: true } }),
    db.loyaltyMember.findUnique({
      where: { shopDomain_customerShopifyId: { shopDomain, customerShopifyId } },
      include: {
        entries: { orderBy: { createdAt: "desc" }, take: 200 },
        tierChanges: { orderBy: { createdAt: "desc" } },
      },
    }),
    db.surveyResponse.findMany({ where: { shopDomain, ...mine }, orderBy: { createdAt: "desc" } }),
    customerConversations(shopDomain, customerShopifyId, orderIds),
  ]);

  const timeline: TimelineEntry[] = [];
  const counted = orders.filter((order) => !order.test && !order.cancelledAt);
  for (const order of orders) {
    const units = order.lineItems.reduce((sum, line) => sum + line.quantity, 0);
    timeline.push({
      at: order.processedAt,
      kind: "order",
      title: `Order ${order.name} placed`,
      detail: `${units} items, ${formatMoney(order.totalPrice, order.currency)}`,
    });
    if (order.cancelledAt) {
      timeline.push({
        at: order.cancelledAt,
        kind: "order",
        title: `Order ${order.name} cancelled`,
        critical: true,
      });
    }
  }
  let deliveredUnits = 0;
  let nextDelivery: Date | null = null;
  for (const fulfillment of fulfillments) {
    if (fulfillment.shopifyId.startsWith("return-")) continue;
    const units = (JSON.parse(fulfillment.lineItems) as { quantity?: number }[]).reduce(
      (sum, line) => sum + (line.quantity ?? 0),
      0,
    );
    if (fulfillment.shipments.some((shipment) => shipment.deliveredAt)) deliveredUnits += units;
    for (const shipment of fulfillment.shipments) {
      const url = `/app/shipments/${shipment.id}`;
      const label =
        `${fulfillment.orderName ?? ""} ${shipment.carrier?.toUpperCase() ?? ""} ${shipment.trackingNumber}`.trim();
      if (shipment.shippedAt)
        timeline.push({
          at: shipment.shippedAt,
          kind: "shipment",
          title: `Shipped: ${label}`,
          url,
        });
      let previousTag = "";
      for (const scan of shipment.checkpoints) {
        if (scan.tag === previousTag || !SCAN_LABELS[scan.tag]) continue;
        previousTag = scan.tag;
        timeline.push({
          at: scan.occurredAt,
          kind: "shipment",
          title: `${SCAN_LABELS[scan.tag]}: ${label}`,
          detail: [scan.message, scan.city].filter(Boolean).join(", "),
          url,
          critical: scan.tag === "Exception" || scan.tag === "AttemptFail",
        });
      }
      for (const miss of shipment.estimates) {
        timeline.push({
          at: miss.createdAt,
          kind: "shipment",
          title: `Missed its estimate: ${label}`,
          detail: miss.previousLatest
            ? `promised by ${miss.previousLatest.toISOString().slice(0, 10)}`
            : undefined,
          url,
          critical: true,
        });
      }
      if (!shipment.deliveredAt && shipment.estimateLatest && shipment.tag !== "Exception") {
        if (!nextDelivery || shipment.estimateLatest < nextDelivery)
          nextDelivery = shipment.estimateLatest;
      }
    }
  }
  for (const message of messages) {
    const at = message.sentAt ?? message.createdAt;
    timeline.push({
      at,
      kind: "email",
      title: `Email ${message.status}: ${message.subject ?? message.trigger}`,
      detail: message.orderName ?? undefined,
      critical: message.status === "failed",
    });
    if (message.openedAt)
      timeline.push({
        at: message.openedAt,
        kind: "email",
        title: `Email opened: ${message.subject ?? message.trigger}`,
      });
  }
  let returnedUnits = 0;
  for (const ret of returns) {
    const units = ret.lines.reduce((sum, line) => sum + line.quantity, 0);
    if (!["declined", "cancelled"].includes(ret.status)) returnedUnits += units;
    const url = `/app/returns/${ret.id}`;
    timeline.push({
      at: ret.requestedAt,
      kind: "return",
      title:
        ret.kind === "warranty"
          ? `Warranty claim for ${ret.orderName}: ${units} items`
          : `Return requested for ${ret.orderName}: ${units} items`,
      detail: ret.lines
        .map((line) => `${line.title} (${line.reason}, ${line.resolution})`)
        .join("; "),
      url,
    });
    const outcome = ret.closedAt ?? ret.declinedAt ?? ret.processedAt;
    if (outcome && ret.status !== "requested") {
      timeline.push({
        at: outcome,
        kind: "return",
        title:
          ret.kind === "warranty"
            ? `Warranty claim ${ret.status} for ${ret.orderName}${ret.claimOutcome ? ` (${ret.claimOutcome}${ret.replacementOrderName ? `, order ${ret.replacementOrderName}` : ""})` : ""}`
            : `Return ${ret.status} for ${ret.orderName}`,
        url,
        critical: ret.status === "declined",
      });
    }
  }
  for (const entry of member?.entries ?? []) {
    const points = entry.points + entry.pendingPoints;
    timeline.push({
      at: entry.createdAt,
      kind: "points",
      title: `${points > 0 ? "+" : ""}${points} points (${entry.source}, ${entry.kind})`,
      detail: entry.note ?? undefined,
    });
  }
  for (const change of member?.tierChanges ?? []) {
    timeline.push({
      at: change.createdAt,
      kind: "points",
      title: `Tier ${change.direction}: ${change.fromTier ?? "none"} → ${change.toTier ?? "none"}`,
    });
  }
  for (const answer of answers) {
    const unhappy =
      answer.kind === "nps"
        ? npsGroup(answer.score) === "detractor"
        : !isSatisfied(answer.score) && answer.score <= 2;
    timeline.push({
      at: answer.createdAt,
      kind: "survey",
      title:
        answer.kind === "nps"
          ? `NPS answer: ${answer.score}/10`
          : `Delivery rated ${answer.score}/5`,
      detail: [answer.reasons, answer.comment].filter(Boolean).join(" — ") || undefined,
      critical: unhappy,
    });
  }
  for (const conversation of conversations) {
    const url = `/app/support/inbox/${conversation.id}`;
    timeline.push({
      at: conversation.createdAt,
      kind: "support",
      title: `Asked the team about ${conversation.orderName}`,
      detail: conversation.firstResponseAt ? undefined : "Waiting for a first answer",
      url,
      critical: !conversation.firstResponseAt && conversation.status !== "closed",
    });
    if (conversation.firstResponseAt) {
      timeline.push({
        at: conversation.firstResponseAt,
        kind: "support",
        title: `The team answered about ${conversation.orderName}`,
        url,
      });
    }
    if (conversation.closedAt) {
      timeline.push({
        at: conversation.closedAt,
        kind: "support",
        title: `Conversation about ${conversation.orderName} closed`,
        url,
      });
    }
  }
  timeline.sort((a, b) => b.at.getTime() - a.at.getTime());

  const cohort = customerCohortFigures({
    orders: counted.map((order) => ({
      processedAt: order.processedAt,
      netRevenue: orderNetRevenue(order),
    })),
  });
  const lastNps = answers.find((answer) => answer.kind === "nps");
  return {
    customer: {
      id: customer.id,
      shopifyId: customer.shopifyId,
      name: displayName(customer),
      email: customer.email,
      phone: customer.phone,
      locale: customer.locale,
    },
    figures: {
      orders: counted.length,
      netSpend: counted.reduce((sum, order) => sum + orderNetRevenue(order), 0),
      currency: orders[0]?.currency ?? null,
      lifetimeValue12: cohort?.revenueByMonth.at(-1) ?? 0,
      firstOrderAt: cohort?.firstOrderAt ?? null,
      returnRate: share(returnedUnits, deliveredUnits),
      lastNps: lastNps?.score ?? null,
      tier: member?.tier ?? null,
      points: member?.balance ?? null,
      nextDelivery,
    },
    memberId: member?.id ?? null,
    orders: orders.map((order) => ({ shopifyId: order.shopifyId, name: order.name })),
    timeline,
  };
}
export type CustomerRecord = NonNullable<Awaited<ReturnType<typeof customerRecord>>>;

export const TIMELINE_CSV_HEADERS = ["time", "kind", "title", "detail"];

export function timelineCsvRows(record: CustomerRecord) {
  return record.timeline.map((entry) => [
    entry.at.toISOString(),
    entry.kind,
    entry.title,
    entry.detail ?? "",
  ]);
}
