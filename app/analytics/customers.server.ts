import { db } from "../db.server";
import type { ShopperLocale } from "../platform/i18n";
import { formatMoney } from "../platform/shopify/money";
import { customerMessages, type CustomerMessageKey } from "./customer-messages";
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

/** The scans a timeline shows, one entry per change of tag. */
const SCAN_KEYS: Record<string, CustomerMessageKey> = {
  InTransit: "scan_InTransit",
  OutForDelivery: "scan_OutForDelivery",
  AvailableForPickup: "scan_AvailableForPickup",
  AttemptFail: "scan_AttemptFail",
  Delivered: "scan_Delivered",
  Exception: "scan_Exception",
  Expired: "scan_Expired",
};

const RETURN_STATUS_KEYS: Record<string, CustomerMessageKey> = {
  open: "returnStatus_open",
  in_transit: "returnStatus_in_transit",
  received: "returnStatus_received",
  closed: "returnStatus_closed",
  declined: "returnStatus_declined",
  cancelled: "returnStatus_cancelled",
};

/** A return's or warranty claim's outcome: its status, and a claim's remedy and replacement. */
function returnOutcomeTitle(
  ret: {
    kind: string;
    status: string;
    orderName: string;
    claimOutcome: string | null;
    replacementOrderName: string | null;
  },
  t: ReturnType<typeof customerMessages>,
) {
  const statusKey = RETURN_STATUS_KEYS[ret.status];
  const status = statusKey ? t(statusKey) : ret.status;
  if (ret.kind !== "warranty") return t("tlReturnOutcome", { order: ret.orderName, status });
  const remedy = [
    ret.claimOutcome,
    ret.replacementOrderName && t("tlReplacementOrder", { order: ret.replacementOrderName }),
  ].filter(Boolean);
  const title = t("tlWarrantyOutcome", { order: ret.orderName, status });
  return remedy.length ? `${title} (${remedy.join(", ")})` : title;
}

/**
 * One customer's record, or null when the shop has no such customer; the timeline's words in
 * `locale` (the admin's language).
 */
export async function customerRecord(
  shopDomain: string,
  customerId: string,
  locale: ShopperLocale = "en",
) {
  const t = customerMessages(locale);
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
      title: t("tlOrderPlaced", { order: order.name }),
      detail: t("tlOrderDetail", {
        units,
        total: formatMoney(order.totalPrice, order.currency, locale),
      }),
    });
    if (order.cancelledAt) {
      timeline.push({
        at: order.cancelledAt,
        kind: "order",
        title: t("tlOrderCancelled", { order: order.name }),
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
          title: t("tlShipped", { parcel: label }),
          url,
        });
      let previousTag = "";
      for (const scan of shipment.checkpoints) {
        const scanKey = SCAN_KEYS[scan.tag];
        if (scan.tag === previousTag || !scanKey) continue;
        previousTag = scan.tag;
        timeline.push({
          at: scan.occurredAt,
          kind: "shipment",
          title: `${t(scanKey)}: ${label}`,
          detail: [scan.message, scan.city].filter(Boolean).join(", "),
          url,
          critical: scan.tag === "Exception" || scan.tag === "AttemptFail",
        });
      }
      for (const miss of shipment.estimates) {
        timeline.push({
          at: miss.createdAt,
          kind: "shipment",
          title: t("tlMissedEstimate", { parcel: label }),
          detail: miss.previousLatest
            ? t("tlPromisedBy", { date: miss.previousLatest.toISOString().slice(0, 10) })
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
      title:
        message.status === "sent"
          ? t("tlEmailSent", { subject: message.subject ?? message.trigger })
          : message.status === "failed"
            ? t("tlEmailFailed", { subject: message.subject ?? message.trigger })
            : t("tlEmailOther", {
                status: message.status,
                subject: message.subject ?? message.trigger,
              }),
      detail: message.orderName ?? undefined,
      critical: message.status === "failed",
    });
    if (message.openedAt)
      timeline.push({
        at: message.openedAt,
        kind: "email",
        title: t("tlEmailOpened", { subject: message.subject ?? message.trigger }),
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
      title: t(ret.kind === "warranty" ? "tlWarrantyRequested" : "tlReturnRequested", {
        order: ret.orderName,
        units,
      }),
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
        title: returnOutcomeTitle(ret, t),
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
      title: t("tlPoints", {
        points: `${points > 0 ? "+" : ""}${points}`,
        source: entry.source,
        kind: entry.kind,
      }),
      detail: entry.note ?? undefined,
    });
  }
  for (const change of member?.tierChanges ?? []) {
    timeline.push({
      at: change.createdAt,
      kind: "points",
      title: t(change.direction === "down" ? "tlTierDown" : "tlTierUp", {
        from: change.fromTier ?? t("tlNoTier"),
        to: change.toTier ?? t("tlNoTier"),
      }),
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
      title: t(answer.kind === "nps" ? "tlNps" : "tlCsat", { score: answer.score }),
      detail: [answer.reasons, answer.comment].filter(Boolean).join(" — ") || undefined,
      critical: unhappy,
    });
  }
  for (const conversation of conversations) {
    const url = `/app/support/inbox/${conversation.id}`;
    timeline.push({
      at: conversation.createdAt,
      kind: "support",
      title: t("tlAsked", { order: conversation.orderName }),
      detail: conversation.firstResponseAt ? undefined : t("tlWaiting"),
      url,
      critical: !conversation.firstResponseAt && conversation.status !== "closed",
    });
    if (conversation.firstResponseAt) {
      timeline.push({
        at: conversation.firstResponseAt,
        kind: "support",
        title: t("tlAnswered", { order: conversation.orderName }),
        url,
      });
    }
    if (conversation.closedAt) {
      timeline.push({
        at: conversation.closedAt,
        kind: "support",
        title: t("tlConversationClosed", { order: conversation.orderName }),
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
