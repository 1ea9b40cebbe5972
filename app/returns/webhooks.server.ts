import { z } from "zod";
import { Prisma, db } from "../db.server";
import { transaction } from "../platform/events/index.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { fromGid } from "../platform/shopify/gid";
import { webhookHandler, type WebhookContext } from "../webhooks/types";
import { emitReturnMoved, emitReturnRecorded } from "./events.server";
import { attachReturnShipment } from "./labels/labels.server";
import { ReturnForSyncQuery } from "./operations";
import { returnableOrder } from "./returns.server";
import { linkShopifyReturn, localStatus } from "./shopify-returns.server";

/**
 * returns/* webhooks: Shopify's side of a return (the merchant acted in Shopify's admin, or our
 * own mutation came back) brought in line here. A status only moves forward, so a stale or
 * duplicate delivery changes nothing and records nothing; returns/reopen is the one way back
 * (closed → open), and only when no later close was seen. A return we have not seen is created
 * with source "shopify", unless it is one of ours whose mutation has not answered yet.
 */

const ReturnPayloadSchema = z
  .object({
    admin_graphql_api_id: z.string().startsWith("gid://shopify/Return/"),
    status: z.string().optional(),
    decline: z.object({ reason: z.string().nullish(), note: z.string().nullish() }).nullish(),
  })
  .passthrough();
type ReturnPayload = z.infer<typeof ReturnPayloadSchema>;

/** How far along a status is: a webhook never moves a return to a lower rank. */
const RANK: Record<string, number> = {
  requested: 0,
  open: 1,
  in_transit: 2,
  received: 3,
  declined: 4,
  cancelled: 4,
  closed: 4,
};

const TOPIC_STATUS: Record<string, string> = {
  "returns/request": "requested",
  "returns/approve": "open",
  "returns/decline": "declined",
  "returns/cancel": "cancelled",
  "returns/close": "closed",
  "returns/reopen": "open",
};

const EVENT_KIND: Record<string, string> = {
  requested: "requested",
  open: "approved",
  declined: "declined",
  cancelled: "cancelled",
  closed: "closed",
};

const SHOPIFY_STATUS: Record<string, string> = {
  requested: "REQUESTED",
  open: "OPEN",
  declined: "DECLINED",
  cancelled: "CANCELED",
  closed: "CLOSED",
};

function targetStatus(topic: string, payload: ReturnPayload): string | null {
  return TOPIC_STATUS[topic] ?? (payload.status ? localStatus(payload.status) : null);
}

/** Our return for Shopify's: found, recognised as ours, or recorded from Shopify's side. */
async function localReturn(shop: string, shopifyGid: string, status: string) {
  const shopifyId = fromGid(shopifyGid);
  const known = await db.returnRequest.findUnique({
    where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId } },
  });
  if (known) return known;

  const { return: remote } = await adminGateway.request(shop, ReturnForSyncQuery, {
    id: shopifyGid,
  });
  if (!remote) return null;
  const orderShopifyId = fromGid(remote.order.id);
  const remoteLines = remote.returnLineItems.nodes.flatMap((node) =>
    node.fulfillmentLineItem ? [{ ...node, fulfillmentLineItem: node.fulfillmentLineItem }] : [],
  );
  const key = (lines: { fulfillmentLineItemId: string | null; quantity: number }[]) =>
    lines
      .map((line) => `${line.fulfillmentLineItemId}×${line.quantity}`)
      .sort()
      .join(",");
  const remoteKey = key(
    remoteLines.map((node) => ({
      fulfillmentLineItemId: fromGid(node.fulfillmentLineItem.id),
      quantity: node.quantity,
    })),
  );

  // Ours, created by the job whose answer is still on its way: link it rather than duplicate it.
  const pending = await db.returnRequest.findMany({
    where: { shopDomain: shop, orderShopifyId, shopifyId: null },
    include: { lines: true },
  });
  const ours = pending.find(
    (candidate) =>
      key(
        candidate.lines.map((line) => ({
          fulfillmentLineItemId: line.fulfillmentLineItemShopifyId,
          quantity: line.quantity,
        })),
      ) === remoteKey,
  );
  if (ours) {
    await linkShopifyReturn(shop, ours.id, remote);
    return db.returnRequest.findUnique({ where: { id: ours.id } });
  }

  const order = await returnableOrder(shop, orderShopifyId);
  if (!order) throw new Error(`Order ${orderShopifyId} of return ${shopifyId} is not mirrored yet`);
  const items = new Map(order.items.map((item) => [item.lineItemId, item]));
  try {
    return await transaction(async (tx) => {
      const created = await tx.returnRequest.create({
        data: {
          shopDomain: shop,
          shopifyId,
          shopifyStatus: remote.status,
          orderShopifyId,
          orderName: order.name,
          email: order.email?.toLowerCase() ?? null,
          idempotencyKey: `shopify:${shopifyId}`,
          source: "shopify",
          status: localStatus(remote.status) ?? status,
          currency: order.currency,
          totalAmount: remoteLines.reduce((sum, node) => {
            const item = items.get(fromGid(node.fulfillmentLineItem.lineItem.id));
            return sum + (item?.unitPrice ?? 0) * node.quantity;
          }, 0),
          lines: {
            create: remoteLines.map((node) => {
              const lineItemShopifyId = fromGid(node.fulfillmentLineItem.lineItem.id);
              const item = items.get(lineItemShopifyId);
              return {
                shopDomain: shop,
                shopifyId: fromGid(node.id),
                lineItemShopifyId,
                fulfillmentLineItemShopifyId: fromGid(node.fulfillmentLineItem.id),
                title: item?.title ?? "Item",
                variantTitle: item?.variantTitle ?? null,
                quantity: node.quantity,
                reason: node.returnReasonDefinition?.handle ?? "other",
                customerNote: node.customerNote ?? null,
                resolution: "refund",
                unitPrice: item?.unitPrice ?? 0,
                amount: (item?.unitPrice ?? 0) * node.quantity,
              };
            }),
          },
        },
      });
      await emitReturnRecorded(tx, created);
      return created;
    });
  } catch (error) {
    // The same return's other webhook created it a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return db.returnRequest.findUnique({
        where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId } },
      });
    }
    throw error;
  }
}

async function syncReturn({ shop, topic, payload, triggeredAt }: WebhookContext<ReturnPayload>) {
  const target = targetStatus(topic, payload);
  if (!target) return;
  const current = await localReturn(shop, payload.admin_graphql_api_id, target);
  if (!current) return;
  const at = triggeredAt ?? new Date();

  let allowed = RANK[target]! > RANK[current.status]!;
  let kind = EVENT_KIND[target]!;
  if (topic === "returns/reopen" && current.status === "closed") {
    const laterClose = await db.returnEvent.findFirst({
      where: {
        returnId: current.id,
        kind: { in: ["closed", "processed"] },
        occurredAt: { gt: at },
      },
    });
    allowed = !laterClose;
    kind = "reopened";
  }
  if (!allowed) return;

  const declineNote = payload.decline?.note ?? payload.decline?.reason ?? null;
  await transaction(async (tx) => {
    // Guarded by the status read above: a concurrent delivery that moved it first wins.
    const moved = await tx.returnRequest.updateMany({
      where: { id: current.id, status: current.status },
      data: {
        status: target,
        shopifyStatus: SHOPIFY_STATUS[target],
        ...(target === "open" && !current.approvedAt ? { approvedAt: at } : {}),
        ...(target === "declined" ? { declinedAt: at, declineReason: declineNote } : {}),
        ...(target === "closed" ? { closedAt: at } : {}),
      },
    });
    if (moved.count === 0) return;
    await tx.returnEvent.create({
      data: {
        shopDomain: shop,
        returnId: current.id,
        kind,
        actor: "shopify",
        detail: target === "declined" ? declineNote : null,
        occurredAt: at,
      },
    });
    await emitReturnMoved(tx, current, target, { reopened: kind === "reopened" });
  });
}

export const syncShopifyReturn = webhookHandler("returns.sync", ReturnPayloadSchema, syncReturn);

const ReverseDeliveryPayloadSchema = z
  .object({
    admin_graphql_api_id: z.string().startsWith("gid://shopify/ReverseDelivery/"),
    return: z.object({ admin_graphql_api_id: z.string().startsWith("gid://shopify/Return/") }),
    shipping_deliverable: z
      .object({
        tracking: z
          .object({
            carrier_name: z.string().nullish(),
            tracking_number: z.string().nullish(),
            tracking_url: z.string().nullish(),
          })
          .nullish(),
        label: z.object({ public_file_url: z.string().nullish() }).nullish(),
      })
      .nullish(),
  })
  .passthrough();

/**
 * reverse_deliveries/attach_deliverable: a label and tracking attached to a return, by us (our
 * own reverseDeliveryCreateWithShipping coming back) or in Shopify's admin. Either way the
 * return shipment is tracked once.
 */
export const syncReverseDelivery = webhookHandler(
  "returns.reverse-delivery",
  ReverseDeliveryPayloadSchema,
  async ({ shop, payload }) => {
    const tracking = payload.shipping_deliverable?.tracking;
    if (!tracking?.tracking_number) return;
    const request = await db.returnRequest.findUnique({
      where: {
        shopDomain_shopifyId: {
          shopDomain: shop,
          shopifyId: fromGid(payload.return.admin_graphql_api_id),
        },
      },
    });
    // The return's own webhook has not been synced yet: retried until it has.
    if (!request) throw new Error(`Return ${payload.return.admin_graphql_api_id} not known yet`);
    await attachReturnShipment(shop, request.id, {
      reverseDeliveryShopifyId: fromGid(payload.admin_graphql_api_id),
      trackingNumber: tracking.tracking_number,
      carrier: tracking.carrier_name ?? null,
      trackingUrl: tracking.tracking_url ?? null,
      labelUrl: payload.shipping_deliverable?.label?.public_file_url ?? null,
    });
  },
);
