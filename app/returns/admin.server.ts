import { exchangeItems } from "./shop-now.server";
import { z } from "zod";
import { db } from "../db.server";
import { findShopperOrder } from "../orders/index.server";
import { RESOLUTIONS, type ReturnDecision } from "./policy";
import { policyMessages } from "./policy-messages";
import { signalsForCustomer } from "./abuse.server";
import { automaticRefundOf } from "./automation.server";
import { loadPolicy, returnableOrder } from "./returns.server";
import { returnOptions } from "./shopper/portal.server";

/** The merchant's views of returns: the queue with its tabs and filters, one return, CSV rows. */

/** Each tab of the queue and the statuses it holds; declined and cancelled returns share one. */
export const RETURN_TABS = {
  requested: ["requested"],
  open: ["open"],
  in_transit: ["in_transit"],
  received: ["received"],
  closed: ["closed"],
  declined: ["declined", "cancelled"],
} as const;
export type ReturnTab = keyof typeof RETURN_TABS;

export const ReturnFilterSchema = z.object({
  tab: z
    .enum(Object.keys(RETURN_TABS) as [ReturnTab, ...ReturnTab[]])
    .optional()
    .catch(undefined),
  query: z.string().trim().max(254).optional().catch(undefined),
  resolution: z.enum(RESOLUTIONS).optional().catch(undefined),
  reason: z.string().trim().max(60).optional().catch(undefined),
  /** Returns or warranty claims; both without it. */
  kind: z.enum(["return", "warranty"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ReturnFilter = z.infer<typeof ReturnFilterSchema>;

export function parseReturnFilter(params: URLSearchParams): ReturnFilter {
  return ReturnFilterSchema.parse({
    tab: params.get("tab") || undefined,
    query: params.get("query") || undefined,
    resolution: params.get("resolution") || undefined,
    reason: params.get("reason") || undefined,
    kind: params.get("kind") || undefined,
    page: params.get("page") ?? 1,
  });
}

function whereFor(shopDomain: string, filter: ReturnFilter) {
  const query = filter.query;
  const lines =
    filter.resolution || filter.reason
      ? {
          lines: {
            some: {
              ...(filter.resolution ? { resolution: filter.resolution } : {}),
              ...(filter.reason ? { reason: filter.reason } : {}),
            },
          },
        }
      : {};
  return {
    shopDomain,
    ...(filter.tab ? { status: { in: [...RETURN_TABS[filter.tab]] } } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...lines,
    ...(query
      ? {
          OR: [
            { orderName: query.startsWith("#") ? query : `#${query}` },
            { email: query.toLowerCase() },
          ],
        }
      : {}),
  };
}

const LIST_INCLUDE = {
  lines: { select: { quantity: true, resolution: true, title: true } },
} as const;

export const RETURNS_PAGE_SIZE = 25;

export async function listReturns(shopDomain: string, filter: ReturnFilter) {
  const where = whereFor(shopDomain, filter);
  const [rows, total] = await Promise.all([
    db.returnRequest.findMany({
      where,
      orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * RETURNS_PAGE_SIZE,
      take: RETURNS_PAGE_SIZE,
      include: LIST_INCLUDE,
    }),
    db.returnRequest.count({ where }),
  ]);
  return { rows: rows.map(listRow), total, page: filter.page, pageSize: RETURNS_PAGE_SIZE };
}

function listRow(
  row: Awaited<
    ReturnType<typeof db.returnRequest.findMany<{ include: typeof LIST_INCLUDE }>>
  >[number],
) {
  return {
    id: row.id,
    orderName: row.orderName,
    orderShopifyId: row.orderShopifyId,
    email: row.email,
    kind: row.kind,
    status: row.status,
    items: row.lines.reduce((sum, line) => sum + line.quantity, 0),
    titles: row.lines.map((line) => line.title),
    resolutions: [...new Set(row.lines.map((line) => line.resolution))],
    totalAmount: row.totalAmount,
    currency: row.currency,
    requestedAt: row.requestedAt,
  };
}

/** Returns per tab and the reasons shoppers gave in this shop, for the filters. */
export async function returnCounts(shopDomain: string) {
  const [byStatus, reasons] = await Promise.all([
    db.returnRequest.groupBy({
      by: ["status"],
      where: { shopDomain },
      _count: { _all: true },
    }),
    db.returnLine.groupBy({ by: ["reason"], where: { shopDomain }, orderBy: { reason: "asc" } }),
  ]);
  const count = (statuses: readonly string[]) =>
    byStatus
      .filter((row) => statuses.includes(row.status))
      .reduce((sum, row) => sum + row._count._all, 0);
  return {
    total: byStatus.reduce((sum, row) => sum + row._count._all, 0),
    byTab: Object.fromEntries(
      Object.entries(RETURN_TABS).map(([tab, statuses]) => [tab, count(statuses)]),
    ) as Record<ReturnTab, number>,
    reasons: reasons.map((row) => row.reason),
  };
}

const DAY_MS = 86_400_000;

/** The queue's page for this filter, each return with its age in whole days, and the tab counts. */
export async function returnsQueue(shopDomain: string, filter: ReturnFilter) {
  const [returns, counts] = await Promise.all([
    listReturns(shopDomain, filter),
    returnCounts(shopDomain),
  ]);
  const now = Date.now();
  return {
    returns: {
      ...returns,
      rows: returns.rows.map((row) => ({
        ...row,
        ageDays: Math.floor((now - row.requestedAt.getTime()) / DAY_MS),
      })),
    },
    counts,
  };
}
export type ReturnCounts = Awaited<ReturnType<typeof returnCounts>>;

/** One row per returned line for every return matching the filter, in pages so memory stays flat. */
export async function* exportReturnLines(shopDomain: string, filter: ReturnFilter) {
  const where = whereFor(shopDomain, filter);
  let cursor: string | undefined;
  for (;;) {
    const page = await db.returnRequest.findMany({
      where,
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { lines: { orderBy: { id: "asc" } }, labels: { orderBy: { createdAt: "asc" } } },
    });
    if (page.length === 0) return;
    cursor = page.at(-1)!.id;
    for (const request of page) {
      const tracking = request.labels.map((label) => label.trackingNumber).join(" ");
      for (const line of request.lines) yield { request, line, tracking };
    }
  }
}

export interface RefundPreview {
  byResolution: { resolution: string; items: number; amount: number }[];
  fees: number;
  bonus: number;
  shippingFee: number;
  /** What the shopper gets back in money (refunds) and in store credit, after the shipping fee. */
  refund: number;
  storeCredit: number;
}

/**
 * What processing would give back, from the amounts the policy fixed at submission: the return
 * shipping fee comes off the refund first, then off the store credit.
 */
export function refundPreview(
  lines: { resolution: string; quantity: number; amount: number; fee: number; bonus: number }[],
  shippingFee: number,
): RefundPreview {
  const byResolution = new Map<string, { items: number; amount: number }>();
  for (const line of lines) {
    const entry = byResolution.get(line.resolution) ?? { items: 0, amount: 0 };
    entry.items += line.quantity;
    entry.amount += line.amount;
    byResolution.set(line.resolution, entry);
  }
  const refunded = byResolution.get("refund")?.amount ?? 0;
  const credited = byResolution.get("store_credit")?.amount ?? 0;
  const fromRefund = Math.min(shippingFee, refunded);
  return {
    byResolution: [...byResolution].map(([resolution, entry]) => ({ resolution, ...entry })),
    fees: lines.reduce((sum, line) => sum + line.fee, 0),
    bonus: lines.reduce((sum, line) => sum + line.bonus, 0),
    shippingFee,
    refund: refunded - fromRefund,
    storeCredit: Math.max(0, credited - (shippingFee - fromRefund)),
  };
}

export async function returnDetail(shopDomain: string, returnId: string) {
  const request = await db.returnRequest.findFirst({
    where: { id: returnId, shopDomain },
    include: {
      lines: { orderBy: { id: "asc" } },
      photos: { orderBy: { createdAt: "asc" } },
      labels: { orderBy: { createdAt: "asc" } },
      events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
      exchange: true,
    },
  });
  if (!request) return null;
  const { abuse } = await loadPolicy(shopDomain);
  const decision = JSON.parse(request.decision) as Partial<ReturnDecision>;
  const { decision: _stored, exchange, ...rest } = request;
  return {
    ...rest,
    exchange: exchange ? { ...exchange, items: exchangeItems(exchange.items) } : null,
    customer: {
      signals: await signalsForCustomer(shopDomain, request, abuse),
      lookbackDays: abuse.lookbackDays,
    },
    explanations: Object.fromEntries(
      (decision.lines ?? []).map((line) => [line.lineItemId, line.explanations]),
    ),
    preview: refundPreview(request.lines, request.shippingFee),
    automaticRefund: await automaticRefundOf(shopDomain, returnId),
  };
}

export const CheckOrderSchema = z.object({
  order: z.string().trim().min(1).max(40),
  reason: z.string().trim().max(60).default(""),
});

/**
 * The policy's decision for each line of one of the shop's orders, as the portal would show it,
 * for the given return reason (rules by reason apply only when one is named); a refusal is worded
 * by `t`, the admin's language.
 */
export async function checkOrder(
  shopDomain: string,
  input: z.infer<typeof CheckOrderSchema>,
  t = policyMessages("en"),
) {
  const found = await findShopperOrder(shopDomain, { orderNumber: input.order });
  if (!found) return { ok: false as const, message: t("checkNoOrder", { order: input.order }) };
  const order = await returnableOrder(shopDomain, found.shopifyId);
  if (!order) return { ok: false as const, message: t("checkCancelled", { order: found.name }) };
  return {
    ok: true as const,
    ...(await returnOptions(shopDomain, order, new Date(), input.reason)),
  };
}
