import { randomUUID } from "node:crypto";
import { db, sql } from "../db.server";

/**
 * A shopper looked at their tracking (a WISMO figure nothing else records): `page` is the
 * storefront tracking page, `widget` the order-status page extension. Only answered lookups count.
 */
export async function recordTrackingView(
  shopDomain: string,
  surface: "page" | "widget",
  orderShopifyId: string | null = null,
) {
  // Raw: every tracking lookup writes one, and Prisma compiles each call anew. Unflushed: a view
  // lost to a power cut costs a WISMO figure one count, while waiting for the disk held up every
  // lookup on the embedded database.
  await sql.executeUnflushed(
    `INSERT INTO "AnalyticsTrackingView" ("id", "shopDomain", "orderShopifyId", "surface", "createdAt")
     VALUES (?, ?, ?, ?, ?)`,
    [randomUUID(), shopDomain, orderShopifyId, surface, new Date()],
  );
}

/** Ids per query: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ORDERS_PER_QUERY = 500;

/** When shoppers looked at these orders' tracking: an experiment's WISMO outcome. */
export async function trackingViewsOfOrders(shopDomain: string, orderShopifyIds: string[]) {
  const views = [];
  for (let start = 0; start < orderShopifyIds.length; start += ORDERS_PER_QUERY) {
    views.push(
      ...(await db.analyticsTrackingView.findMany({
        where: {
          shopDomain,
          orderShopifyId: { in: orderShopifyIds.slice(start, start + ORDERS_PER_QUERY) },
        },
        select: { orderShopifyId: true, createdAt: true },
      })),
    );
  }
  return views;
}
