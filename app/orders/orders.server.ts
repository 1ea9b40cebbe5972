import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { db, sql, type Tx } from "../db.server";
import type { CustomerSubject } from "../compliance/subject";
import { retryOnUniqueViolation } from "../platform/db/errors";
import { emit, transaction } from "../platform/events/index.server";
import { listPlaceholders } from "../platform/db/sql";
import { toMinorUnits } from "../platform/shopify/money";
import { hasControlCharacters } from "../platform/typed-text";
import { AddressSchema, type Address, type OrderPayload } from "./schemas";

/**
 * The shop's orders, customers and line items, mirrored from orders/* webhooks. Every capability
 * reads orders through this module; only this module writes them.
 */

export type ApplyResult = "created" | "updated" | "stale";

/**
 * Applies an order payload unless we already hold a newer version of the order (by Shopify's
 * `updated_at`), so duplicate and out-of-order deliveries converge on the newest state. An order
 * read from the shop's history (`imported`) is not announced as new: `order.created` tells of
 * orders as they are placed.
 */
export async function applyOrderPayload(
  shopDomain: string,
  payload: OrderPayload,
  { imported = false }: { imported?: boolean } = {},
): Promise<ApplyResult> {
  const updatedAt = new Date(payload.updated_at);
  return retryOnUniqueViolation(() =>
    transaction(async (tx) => {
      const existing = await tx.order.findUnique({
        where: { shopDomain_shopifyId: { shopDomain, shopifyId: payload.id } },
        select: { id: true, shopifyUpdatedAt: true },
      });
      if (existing && existing.shopifyUpdatedAt > updatedAt) return "stale";
      const customerId = await upsertCustomer(tx, shopDomain, payload);
      const data = orderColumns(payload, customerId);

      let orderId: string;
      if (existing) {
        // Checked again in the write itself, so a concurrent newer update cannot be overwritten.
        const updated = await tx.order.updateMany({
          where: { id: existing.id, shopifyUpdatedAt: { lte: updatedAt } },
          data,
        });
        if (updated.count === 0) return "stale";
        orderId = existing.id;
        await tx.orderLineItem.deleteMany({ where: { orderId } });
      } else {
        orderId = (
          await tx.order.create({
            data: { shopDomain, shopifyId: payload.id, ...data },
            select: { id: true },
          })
        ).id;
        if (!imported)
          await emit(tx, {
            type: "order.created",
            shop: shopDomain,
            aggregateId: payload.id,
            data: {
              orderId: payload.id,
              orderName: payload.name,
              customerId: payload.customer?.id ?? null,
              currency: data.currency,
              totalPrice: data.totalPrice,
            },
          });
      }

      await tx.orderLineItem.createMany({ data: lineItemRows(shopDomain, orderId, payload) });
      return existing ? "updated" : "created";
    }),
  );
}

/**
 * Applies orders read from the shop's history in the caller's transaction, a few statements for
 * the whole batch instead of a transaction per order: the same rows applyOrderPayload writes,
 * with the same rule (an order held at the same or a newer `updated_at` is left alone, checked
 * again in the update itself) and no `order.created`. A customer takes the columns of their last
 * order in the batch, as one order after another would leave them. Returns the orders applied.
 * An insert that loses a race to a webhook fails the transaction with a unique violation: the
 * caller runs the batch again, and the webhook's order is then held.
 */
export async function applyImportedOrders(
  tx: Tx,
  shopDomain: string,
  payloads: OrderPayload[],
): Promise<OrderPayload[]> {
  if (payloads.length === 0) return [];
  const held = new Map(
    (
      await tx.order.findMany({
        where: { shopDomain, shopifyId: { in: payloads.map((payload) => payload.id) } },
        select: { id: true, shopifyId: true, shopifyUpdatedAt: true },
      })
    ).map((row) => [row.shopifyId, row]),
  );
  // The newest version of each order the batch holds, unless the database already has it.
  const newest = new Map<string, OrderPayload>();
  for (const payload of payloads) {
    const updatedAt = new Date(payload.updated_at);
    const stored = held.get(payload.id);
    if (stored && stored.shopifyUpdatedAt >= updatedAt) continue;
    const seen = newest.get(payload.id);
    if (!seen || new Date(seen.updated_at) <= updatedAt) newest.set(payload.id, payload);
  }
  const fresh = [...newest.values()];
  if (fresh.length === 0) return [];

  const customerIds = await writeImportedCustomers(tx, shopDomain, fresh);
  const customerOf = (payload: OrderPayload) =>
    payload.customer ? customerIds.get(payload.customer.id)! : null;

  const orderIds = new Map<string, string>();
  const applied: OrderPayload[] = [];
  for (const payload of fresh) {
    const stored = held.get(payload.id);
    if (!stored) continue;
    const updated = await tx.order.updateMany({
      where: { id: stored.id, shopifyUpdatedAt: { lte: new Date(payload.updated_at) } },
      data: orderColumns(payload, customerOf(payload)),
    });
    if (updated.count === 0) continue;
    orderIds.set(payload.id, stored.id);
    applied.push(payload);
  }
  if (orderIds.size) {
    await tx.orderLineItem.deleteMany({ where: { orderId: { in: [...orderIds.values()] } } });
  }
  const created = fresh.filter((payload) => !held.has(payload.id));
  if (created.length) {
    const rows = await tx.order.createManyAndReturn({
      data: created.map((payload) => ({
        shopDomain,
        shopifyId: payload.id,
        ...orderColumns(payload, customerOf(payload)),
      })),
      select: { id: true, shopifyId: true },
    });
    for (const row of rows) orderIds.set(row.shopifyId, row.id);
    applied.push(...created);
  }
  await tx.orderLineItem.createMany({
    data: applied.flatMap((payload) =>
      lineItemRows(shopDomain, orderIds.get(payload.id)!, payload),
    ),
  });
  return applied;
}

/** The batch's customers created or brought up to date; their row ids by Shopify id. */
async function writeImportedCustomers(tx: Tx, shopDomain: string, payloads: OrderPayload[]) {
  const columns = new Map<string, ReturnType<typeof customerColumns>>();
  for (const payload of payloads) {
    if (payload.customer) columns.set(payload.customer.id, customerColumns(payload));
  }
  const ids = new Map<string, string>();
  if (columns.size === 0) return ids;
  const stored = await tx.customer.findMany({
    where: { shopDomain, shopifyId: { in: [...columns.keys()] } },
    select: {
      id: true,
      shopifyId: true,
      email: true,
      firstName: true,
      lastName: true,
      phone: true,
      locale: true,
      acceptsMarketing: true,
    },
  });
  for (const { id, shopifyId, ...current } of stored) {
    ids.set(shopifyId, id);
    const wanted = columns.get(shopifyId)!;
    const same = (Object.keys(wanted) as (keyof typeof wanted)[]).every(
      (key) => wanted[key] === current[key],
    );
    if (!same) await tx.customer.update({ where: { id }, data: wanted });
  }
  const missing = [...columns].filter(([shopifyId]) => !ids.has(shopifyId));
  if (missing.length) {
    const rows = await tx.customer.createManyAndReturn({
      data: missing.map(([shopifyId, fields]) => ({ shopDomain, shopifyId, ...fields })),
      select: { id: true, shopifyId: true },
    });
    for (const row of rows) ids.set(row.shopifyId, row.id);
  }
  return ids;
}

function orderColumns(payload: OrderPayload, customerId: string | null) {
  const currency = payload.currency;
  const presentmentCurrency = payload.presentment_currency ?? currency;
  return {
    name: payload.name,
    orderNumber: payload.order_number ?? null,
    email: normalizeEmail(payload.email ?? payload.contact_email ?? payload.customer?.email),
    customerId,
    locale: payload.customer_locale ?? null,
    currency,
    presentmentCurrency,
    totalPrice: toMinorUnits(payload.total_price, currency),
    currentTotalPrice:
      payload.current_total_price == null
        ? null
        : toMinorUnits(payload.current_total_price, currency),
    subtotalPrice: toMinorUnits(payload.subtotal_price, currency),
    totalDiscounts: toMinorUnits(payload.total_discounts, currency),
    totalShipping: toMinorUnits(payload.total_shipping_price_set?.shop_money.amount, currency),
    totalTax: toMinorUnits(payload.total_tax, currency),
    presentmentTotalPrice: toMinorUnits(
      payload.total_price_set?.presentment_money.amount ?? payload.total_price,
      presentmentCurrency,
    ),
    financialStatus: payload.financial_status ?? null,
    fulfillmentStatus: payload.fulfillment_status ?? null,
    cancelledAt: optionalDate(payload.cancelled_at),
    cancelReason: payload.cancel_reason ?? null,
    closedAt: optionalDate(payload.closed_at),
    tags: payload.tags ?? "",
    shippingAddress: payload.shipping_address ? JSON.stringify(payload.shipping_address) : null,
    statusPageUrl: payload.order_status_url ?? null,
    checkoutTokenDigest: payload.checkout_token
      ? checkoutTokenDigest(payload.checkout_token)
      : null,
    buyerAcceptsMarketing: payload.buyer_accepts_marketing ?? false,
    test: payload.test ?? false,
    processedAt: new Date(payload.processed_at ?? payload.created_at),
    shopifyCreatedAt: new Date(payload.created_at),
    shopifyUpdatedAt: new Date(payload.updated_at),
  };
}

function lineItemRows(shopDomain: string, orderId: string, payload: OrderPayload) {
  return payload.line_items.map((item) => ({
    shopDomain,
    orderId,
    shopifyId: item.id,
    productId: item.product_id ?? null,
    variantId: item.variant_id ?? null,
    sku: item.sku ?? null,
    title: item.title,
    variantTitle: item.variant_title ?? null,
    quantity: item.quantity,
    currentQuantity: item.current_quantity ?? item.quantity,
    price: toMinorUnits(item.price, payload.currency),
    totalDiscount: toMinorUnits(item.total_discount, payload.currency),
    requiresShipping: item.requires_shipping ?? true,
    giftCard: item.gift_card ?? false,
  }));
}

/** A customer's columns as an order's payload tells them. */
function customerColumns(payload: OrderPayload) {
  const customer = payload.customer!;
  return {
    email: normalizeEmail(customer.email ?? payload.email),
    firstName: customer.first_name ?? null,
    lastName: customer.last_name ?? null,
    phone: customer.phone ?? null,
    locale: payload.customer_locale ?? null,
    acceptsMarketing: payload.buyer_accepts_marketing ?? false,
  };
}

async function upsertCustomer(
  tx: Tx,
  shopDomain: string,
  payload: OrderPayload,
): Promise<string | null> {
  const customer = payload.customer;
  if (!customer) return null;
  const fields = customerColumns(payload);
  const row = await tx.customer.upsert({
    where: { shopDomain_shopifyId: { shopDomain, shopifyId: customer.id } },
    create: { shopDomain, shopifyId: customer.id, ...fields },
    update: fields,
    select: { id: true },
  });
  return row.id;
}

export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

/** How a checkout's token is kept: enough to recognise the checkout, useless to present as it. */
export function checkoutTokenDigest(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

function optionalDate(value: string | null | undefined) {
  return value ? new Date(value) : null;
}

export function parseAddress(json: string | null): Address | null {
  if (!json) return null;
  const parsed = AddressSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

// ---- reads -----------------------------------------------------------------------------------

export function getOrder(shopDomain: string, shopifyId: string) {
  return db.order.findUnique({
    where: { shopDomain_shopifyId: { shopDomain, shopifyId } },
    include: { lineItems: true, customer: true },
  });
}

/** The customer row of a Shopify customer id; null once customers/redact took it. */
export function findCustomer(shopDomain: string, shopifyId: string) {
  return db.customer.findUnique({ where: { shopDomain_shopifyId: { shopDomain, shopifyId } } });
}

export interface ShopperOrder {
  shopifyId: string;
  name: string;
  email: string | null;
  locale: string | null;
  customerShopifyId: string | null;
  acceptsMarketing: boolean;
  checkoutTokenDigest: string | null;
  /** customers/redact ran: the order answers to no shopper. */
  redacted: boolean;
}

/**
 * An order as a shopper-facing page needs it: who it belongs to, to check the email or customer
 * they came with. A shopper names it by number ("1001", "#1001"; the variants are one query, so a
 * miss costs what a hit does; names are unique in a shop); the order-status page by its id. Raw
 * SQL on the (shopDomain, name) index: this is the public lookup's hot path
 * (bench/benchmarks/tracking-lookup.ts; an ORDER BY here made SQLite scan the shop's orders).
 */
export async function findShopperOrder(
  shopDomain: string,
  by: { orderNumber: string } | { shopifyId: string },
): Promise<ShopperOrder | null> {
  const typed = "orderNumber" in by ? by.orderNumber.trim() : "";
  const [match, values] =
    "shopifyId" in by
      ? ['o."shopifyId" = ?', [by.shopifyId]]
      : ['o."name" IN (?, ?)', [typed, `#${typed.replace(/^#/, "")}`]];
  const [row] = await sql.query<
    Record<Exclude<keyof ShopperOrder, "acceptsMarketing" | "redacted">, string | null> & {
      acceptsMarketing: unknown;
      redactedAt: unknown;
    }
  >(
    `SELECT o."shopifyId", o."name", o."email", o."locale", c."shopifyId" AS "customerShopifyId",
            o."buyerAcceptsMarketing" AS "acceptsMarketing", o."checkoutTokenDigest", o."redactedAt"
       FROM "Order" o LEFT JOIN "Customer" c ON c."id" = o."customerId"
      WHERE o."shopDomain" = ? AND ${match}
      LIMIT 1`,
    [shopDomain, ...values],
  );
  return row
    ? {
        shopifyId: row.shopifyId!,
        name: row.name!,
        email: row.email,
        locale: row.locale,
        customerShopifyId: row.customerShopifyId,
        // SQLite returns booleans as 0/1.
        acceptsMarketing: row.acceptsMarketing === true || row.acceptsMarketing === 1,
        checkoutTokenDigest: row.checkoutTokenDigest,
        redacted: row.redactedAt !== null && row.redactedAt !== undefined,
      }
    : null;
}

/**
 * Whether a shopper who typed this email may see the order: only an order that has an email,
 * the same one, and was never redacted. The comparison is of digests in constant time, and a
 * missing order or email compares against a random digest, so every miss costs what a hit does.
 */
export function orderAnswersToEmail(order: ShopperOrder | null, typedEmail: string) {
  const typed = hasControlCharacters(typedEmail) ? null : normalizeEmail(typedEmail);
  const stored = order && !order.redacted ? order.email : null;
  const digest = (email: string | null) =>
    email === null ? randomBytes(32) : createHash("sha256").update(email).digest();
  const same = timingSafeEqual(digest(stored), digest(typed));
  return stored !== null && typed !== null && same;
}

/** Order names by Shopify id, for lists that show the order a record is about. */
export async function orderNames(shopDomain: string, shopifyIds: string[]) {
  const orders = await db.order.findMany({
    where: { shopDomain, shopifyId: { in: [...new Set(shopifyIds)] } },
    select: { shopifyId: true, name: true },
  });
  return new Map(orders.map((order) => [order.shopifyId, order.name]));
}

/**
 * Every live order of a shop with its products, in pages (keyset by order row id): what the
 * recommendations model is rebuilt from. Raw SQL: a shop can have millions of lines.
 */
export async function* orderProducts(shopDomain: string, pageSize = 5_000) {
  let after = "";
  for (;;) {
    const orders = await sql.query<{ id: string; shopifyId: string }>(
      `SELECT "id", "shopifyId" FROM "Order"
        WHERE "shopDomain" = ? AND "id" > ? AND "cancelledAt" IS NULL
        ORDER BY "id" LIMIT ?`,
      [shopDomain, after, pageSize],
    );
    if (orders.length === 0) return;
    const lines = await sql.query<{ orderId: string; productId: string }>(
      `SELECT "orderId", "productId" FROM "OrderLineItem"
        WHERE "orderId" IN (${listPlaceholders(orders.length)})
          AND "productId" IS NOT NULL AND "giftCard" = ?`,
      [...orders.map((order) => order.id), false],
    );
    const products = new Map<string, string[]>();
    for (const line of lines) {
      products.set(line.orderId, [...(products.get(line.orderId) ?? []), line.productId]);
    }
    yield orders.map((order) => ({
      shopifyId: order.shopifyId,
      productIds: products.get(order.id) ?? [],
    }));
    after = orders[orders.length - 1]!.id;
  }
}

/** The distinct products of one of the shop's orders, gift cards aside. */
export async function orderProductIds(shopDomain: string, orderShopifyId: string) {
  const lines = await sql.query<{ productId: string }>(
    `SELECT DISTINCT l."productId" FROM "OrderLineItem" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE o."shopDomain" = ? AND o."shopifyId" = ? AND l."productId" IS NOT NULL
        AND l."giftCard" = ?`,
    [shopDomain, orderShopifyId, false],
  );
  return lines.map((line) => line.productId);
}

/** The live orders stored since a moment: what a model rebuild may have missed. */
export async function ordersStoredSince(shopDomain: string, since: Date) {
  const orders = await sql.query<{ shopifyId: string }>(
    `SELECT "shopifyId" FROM "Order"
      WHERE "shopDomain" = ? AND "createdAt" >= ? AND "cancelledAt" IS NULL`,
    [shopDomain, since],
  );
  return orders.map((order) => order.shopifyId);
}

/** Ids per query: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CUSTOMERS_PER_QUERY = 500;

/** Every live (not test, not cancelled) order of these customers: an experiment's outcomes. */
export async function customersOrders(shopDomain: string, customerShopifyIds: string[]) {
  const orders = [];
  for (let start = 0; start < customerShopifyIds.length; start += CUSTOMERS_PER_QUERY) {
    const rows = await db.order.findMany({
      where: {
        shopDomain,
        test: false,
        cancelledAt: null,
        customer: {
          shopifyId: { in: customerShopifyIds.slice(start, start + CUSTOMERS_PER_QUERY) },
        },
      },
      select: {
        shopifyId: true,
        processedAt: true,
        totalPrice: true,
        currentTotalPrice: true,
        cancelledAt: true,
        customer: { select: { shopifyId: true } },
      },
    });
    for (const { customer, ...order } of rows) {
      orders.push({ ...order, customerShopifyId: customer!.shopifyId });
    }
  }
  return orders;
}

export function recentOrders(shopDomain: string, take = 10) {
  return db.order.findMany({
    where: { shopDomain },
    orderBy: { processedAt: "desc" },
    take,
    select: {
      id: true,
      shopifyId: true,
      name: true,
      email: true,
      customerId: true,
      totalPrice: true,
      currency: true,
      processedAt: true,
      financialStatus: true,
      fulfillmentStatus: true,
    },
  });
}

/**
 * The Shopify ids of a customer's orders placed since `since`, not counting test and cancelled
 * ones: by their customer record, or by the email a guest checked out with.
 */
export async function customerOrderIds(
  shopDomain: string,
  customer: { customerShopifyId: string | null; email: string | null },
  since: Date,
): Promise<string[]> {
  const email = normalizeEmail(customer.email);
  const who = [
    ...(customer.customerShopifyId
      ? [{ customer: { shopifyId: customer.customerShopifyId } }]
      : []),
    ...(email ? [{ email }] : []),
  ];
  if (who.length === 0) return [];
  const rows = await db.order.findMany({
    where: { shopDomain, OR: who, test: false, cancelledAt: null, processedAt: { gte: since } },
    select: { shopifyId: true },
  });
  return rows.map((row) => row.shopifyId);
}

// ---- compliance ------------------------------------------------------------------------------

function subjectOrdersWhere(subject: CustomerSubject, customerRowId: string | null) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      { shopifyId: { in: subject.orderShopifyIds } },
      ...(customerRowId ? [{ customerId: customerRowId }] : []),
      ...(subject.email ? [{ email: normalizeEmail(subject.email) }] : []),
    ],
  };
}

async function findSubjectCustomer(subject: CustomerSubject) {
  if (!subject.customerShopifyId) return null;
  return db.customer.findUnique({
    where: {
      shopDomain_shopifyId: {
        shopDomain: subject.shopDomain,
        shopifyId: subject.customerShopifyId,
      },
    },
  });
}

/** Everything this module holds about a customer, for customers/data_request. */
export async function exportCustomerOrders(subject: CustomerSubject) {
  const customer = await findSubjectCustomer(subject);
  const orders = await db.order.findMany({
    where: subjectOrdersWhere(subject, customer?.id ?? null),
    include: { lineItems: true },
    orderBy: { processedAt: "asc" },
  });
  return {
    customer: customer && {
      shopifyId: customer.shopifyId,
      email: customer.email,
      firstName: customer.firstName,
      lastName: customer.lastName,
      phone: customer.phone,
      locale: customer.locale,
      acceptsMarketing: customer.acceptsMarketing,
    },
    orders: orders.map((order) => ({
      shopifyId: order.shopifyId,
      name: order.name,
      email: order.email,
      processedAt: order.processedAt,
      currency: order.currency,
      totalPrice: order.totalPrice,
      shippingAddress: parseAddress(order.shippingAddress),
      lineItems: order.lineItems.map((item) => ({
        title: item.title,
        variantTitle: item.variantTitle,
        quantity: item.quantity,
        price: item.price,
      })),
    })),
  };
}

/**
 * customers/redact: the customer record goes; their orders stay for the shop's statistics but
 * lose everything that identifies a person.
 */
export async function redactCustomerOrders(subject: CustomerSubject) {
  const customer = await findSubjectCustomer(subject);
  const anonymized = await db.order.updateMany({
    where: subjectOrdersWhere(subject, customer?.id ?? null),
    data: {
      email: null,
      shippingAddress: null,
      statusPageUrl: null,
      customerId: null,
      locale: null,
      checkoutTokenDigest: null,
      // Without a customer the order would look like a guest's: marked, it answers to no one.
      redactedAt: new Date(),
    },
  });
  if (customer) await db.customer.delete({ where: { id: customer.id } });
  return { customersDeleted: customer ? 1 : 0, ordersAnonymized: anonymized.count };
}
