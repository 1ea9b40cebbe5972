import { shopStore } from "../state";
import type { AdminHandler } from "./types";

type Shop = Parameters<AdminHandler>[0]["shop"];
type UserError = { field: string[] | null; code: string | null; message: string };

/**
 * Shopify's side of returns: the order's returnable fulfillments (set by tests), the return
 * reason library, and the returns the app (or the merchant in Shopify's admin) created, with
 * everything the app sent to process them or to ship them back.
 */
export interface ReturnableFulfillment {
  fulfillmentId: string;
  lineItems: { lineItemId: string; fulfillmentLineItemId: string; quantity: number }[];
}

export interface RecordedReturn {
  id: string;
  orderId: string;
  status: "REQUESTED" | "OPEN" | "DECLINED" | "CANCELED" | "CLOSED";
  returnLineItems: {
    id: string;
    fulfillmentLineItemId: string;
    quantity: number;
    returnReasonDefinitionId: string;
    note: string | null;
  }[];
  exchangeLineItems: { id: string; variantId: string; quantity: number }[];
  returnShippingFee: { amount: string; currencyCode: string } | null;
  reverseFulfillmentOrder: { id: string; lineItems: { id: string; quantity: number }[] } | null;
  decline: { reason: string; note: string | null } | null;
  processed: unknown[];
  reverseDeliveries: { id: string; tracking: unknown; label: unknown }[];
}

/** Order gid → returnable fulfillments; tests POST it to /__standin/shops/<shop>/stores/returnableFulfillments. */
const returnable = (shop: Shop) =>
  (shop.stores.get("returnableFulfillments") as
    Record<string, ReturnableFulfillment[]> | undefined) ?? {};

/**
 * The webhooks Shopify sends about what the app's own mutations changed: the server delivers
 * them, signed, once it has answered the mutation (as Shopify does, a moment later).
 */
export const webhookOutbox = (shop: Shop) =>
  shopStore<{ topic: string; payload: Record<string, unknown> }[]>(shop, "webhookOutbox", () => []);

export const shopifyReturns = (shop: Shop) =>
  shopStore<RecordedReturn[]>(shop, "returns", () => []);

let nextId = 700_000_000;
const gid = (type: string) => `gid://shopify/${type}/${++nextId}`;

/** https://shopify.dev/docs/api/admin-graphql/latest/queries/returnReasonDefinitions (a subset). */
export const RETURN_REASON_DEFINITIONS = [
  "color",
  "damaged",
  "defective",
  "not-as-described",
  "other",
  "size-too-large",
  "size-too-small",
  "style",
  "unwanted",
  "wrong-item",
].map((handle, index) => ({
  id: `gid://shopify/ReturnReasonDefinition/${1000 + index}`,
  handle,
  name: handle.replace(/-/g, " "),
  deleted: false,
}));

function returnedQuantity(shop: Shop, fulfillmentLineItemId: string) {
  return shopifyReturns(shop)
    .filter((entry) => entry.status !== "DECLINED" && entry.status !== "CANCELED")
    .flatMap((entry) => entry.returnLineItems)
    .filter((line) => line.fulfillmentLineItemId === fulfillmentLineItemId)
    .reduce((sum, line) => sum + line.quantity, 0);
}

const returnFields = (entry: RecordedReturn) => ({
  id: entry.id,
  status: entry.status,
  returnLineItems: {
    nodes: entry.returnLineItems.map((line) => ({
      id: line.id,
      quantity: line.quantity,
      fulfillmentLineItem: { id: line.fulfillmentLineItemId },
    })),
  },
});

function openReverseFulfillment(entry: RecordedReturn) {
  entry.reverseFulfillmentOrder ??= {
    id: gid("ReverseFulfillmentOrder"),
    lineItems: entry.returnLineItems.map((line) => ({
      id: gid("ReverseFulfillmentOrderLineItem"),
      quantity: line.quantity,
    })),
  };
}

interface LineInput {
  fulfillmentLineItemId?: string;
  quantity?: number;
  returnReasonDefinitionId?: string;
  returnReasonNote?: string;
  customerNote?: string;
}

/** returnCreate and returnRequest: the same validation, a different starting status. */
function createReturn(
  shop: Shop,
  input: {
    orderId?: string;
    returnLineItems?: LineInput[];
    exchangeLineItems?: { variantId?: string; quantity?: number }[];
    returnShippingFee?: { amount?: { amount?: string; currencyCode?: string } };
  },
  status: "OPEN" | "REQUESTED",
  field: string,
) {
  const userErrors: UserError[] = [];
  const fulfillments = returnable(shop)[input.orderId ?? ""];
  if (!fulfillments) {
    userErrors.push({ field: [field, "orderId"], code: "NOT_FOUND", message: "Order not found" });
  }
  const lines = input.returnLineItems ?? [];
  if (!lines.length) {
    userErrors.push({
      field: [field, "returnLineItems"],
      code: "BLANK",
      message: "Return line items can't be blank",
    });
  }
  lines.forEach((line, index) => {
    const path = [field, "returnLineItems", String(index)];
    const item = fulfillments
      ?.flatMap((fulfillment) => fulfillment.lineItems)
      .find((candidate) => candidate.fulfillmentLineItemId === line.fulfillmentLineItemId);
    if (!item) {
      userErrors.push({
        field: [...path, "fulfillmentLineItemId"],
        code: "NOT_FOUND",
        message: "Fulfillment line item not found",
      });
    } else if (
      !line.quantity ||
      line.quantity < 1 ||
      line.quantity > item.quantity - returnedQuantity(shop, item.fulfillmentLineItemId)
    ) {
      userErrors.push({
        field: [...path, "quantity"],
        code: "INVALID",
        message: "Quantity is not returnable",
      });
    }
    if (
      !RETURN_REASON_DEFINITIONS.some(
        (definition) => definition.id === line.returnReasonDefinitionId,
      )
    ) {
      userErrors.push({
        field: [...path, "returnReasonDefinitionId"],
        code: "INVALID",
        message: "Return reason definition is invalid",
      });
    }
  });
  if (userErrors.length) return { return: null, userErrors };
  const entry: RecordedReturn = {
    id: gid("Return"),
    orderId: input.orderId!,
    status,
    returnLineItems: lines.map((line) => ({
      id: gid("ReturnLineItem"),
      fulfillmentLineItemId: line.fulfillmentLineItemId!,
      quantity: line.quantity!,
      returnReasonDefinitionId: line.returnReasonDefinitionId!,
      note: line.returnReasonNote ?? line.customerNote ?? null,
    })),
    exchangeLineItems: (input.exchangeLineItems ?? []).map((line) => ({
      id: gid("ExchangeLineItem"),
      variantId: line.variantId ?? "",
      quantity: line.quantity ?? 1,
    })),
    returnShippingFee: input.returnShippingFee?.amount
      ? {
          amount: input.returnShippingFee.amount.amount ?? "0",
          currencyCode: input.returnShippingFee.amount.currencyCode ?? "USD",
        }
      : null,
    reverseFulfillmentOrder: null,
    decline: null,
    processed: [],
    reverseDeliveries: [],
  };
  if (status === "OPEN") openReverseFulfillment(entry);
  shopifyReturns(shop).push(entry);
  webhookOutbox(shop).push({
    topic: status === "OPEN" ? "returns/approve" : "returns/request",
    payload: returnWebhookPayload(entry),
  });
  return { return: returnFields(entry), userErrors: [] };
}

function findReturn(shop: Shop, id: unknown) {
  return shopifyReturns(shop).find((entry) => entry.id === id);
}

const notFound = (field: string[]): UserError => ({
  field,
  code: "NOT_FOUND",
  message: "Return not found",
});

/** Test control: the order's payments; a SUCCESS sale by default. */
const orderTransactions = (shop: Shop, orderId: string) =>
  (shop.stores.get("orderTransactions") as Record<string, unknown[]> | undefined)?.[orderId] ?? [
    {
      id: `gid://shopify/OrderTransaction/${fromGidNumber(orderId)}1`,
      kind: "SALE",
      status: "SUCCESS",
    },
  ];

const fromGidNumber = (value: string) => /(\d+)$/.exec(value)?.[1] ?? "0";

export const returnsHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/queries/returnableFulfillments
  ReturnsReturnableFulfillments: ({ shop, variables }) => ({
    returnableFulfillments: {
      nodes: (returnable(shop)[String(variables.orderId)] ?? []).map((fulfillment) => ({
        id: `gid://shopify/ReturnableFulfillment/${fromGidNumber(fulfillment.fulfillmentId)}`,
        fulfillment: { id: fulfillment.fulfillmentId },
        returnableFulfillmentLineItems: {
          nodes: fulfillment.lineItems
            .map((item) => ({
              quantity: item.quantity - returnedQuantity(shop, item.fulfillmentLineItemId),
              fulfillmentLineItem: {
                id: item.fulfillmentLineItemId,
                lineItem: { id: item.lineItemId },
              },
            }))
            .filter((node) => node.quantity > 0),
        },
      })),
    },
  }),

  // https://shopify.dev/docs/api/admin-graphql/latest/queries/returnReasonDefinitions
  ReturnsReasonDefinitions: ({ variables }) => {
    const handles = variables.handles as string[] | null | undefined;
    return {
      returnReasonDefinitions: {
        nodes: RETURN_REASON_DEFINITIONS.filter(
          (definition) => !handles || handles.includes(definition.handle),
        ),
      },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/returnCreate
  ReturnsReturnCreate: ({ shop, variables }) => ({
    returnCreate: createReturn(
      shop,
      variables.returnInput as Parameters<typeof createReturn>[1],
      "OPEN",
      "returnInput",
    ),
  }),

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/returnRequest
  ReturnsReturnRequest: ({ shop, variables }) => {
    const input = variables.input as Parameters<typeof createReturn>[1];
    return {
      returnRequest: createReturn(shop, { ...input, exchangeLineItems: [] }, "REQUESTED", "input"),
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/returnApproveRequest
  ReturnsReturnApproveRequest: ({ shop, variables }) => {
    const entry = findReturn(shop, (variables.input as { id?: string }).id);
    if (!entry)
      return { returnApproveRequest: { return: null, userErrors: [notFound(["input", "id"])] } };
    if (entry.status !== "REQUESTED") {
      return {
        returnApproveRequest: {
          return: null,
          userErrors: [
            {
              field: ["input", "id"],
              code: "INVALID_STATE",
              message:
                "Return is not approvable. Only returns with status REQUESTED can be approved.",
            },
          ],
        },
      };
    }
    entry.status = "OPEN";
    openReverseFulfillment(entry);
    webhookOutbox(shop).push({ topic: "returns/approve", payload: returnWebhookPayload(entry) });
    return {
      returnApproveRequest: { return: { id: entry.id, status: entry.status }, userErrors: [] },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/returnDeclineRequest
  ReturnsReturnDeclineRequest: ({ shop, variables }) => {
    const input = variables.input as { id?: string; declineReason?: string; declineNote?: string };
    const entry = findReturn(shop, input.id);
    if (!entry)
      return { returnDeclineRequest: { return: null, userErrors: [notFound(["input", "id"])] } };
    if (entry.status !== "REQUESTED") {
      return {
        returnDeclineRequest: {
          return: null,
          userErrors: [
            {
              field: ["input", "id"],
              code: "INVALID_STATE",
              message:
                "Return is not declinable. Only non-refunded returns with status REQUESTED can be declined.",
            },
          ],
        },
      };
    }
    entry.status = "DECLINED";
    entry.decline = { reason: input.declineReason ?? "OTHER", note: input.declineNote ?? null };
    webhookOutbox(shop).push({ topic: "returns/decline", payload: returnWebhookPayload(entry) });
    return {
      returnDeclineRequest: { return: { id: entry.id, status: entry.status }, userErrors: [] },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/queries/return
  ReturnsReturnContext: ({ shop, variables }) => {
    const entry = findReturn(shop, variables.id);
    if (!entry) return { return: null };
    return {
      return: {
        ...returnFields(entry),
        exchangeLineItems: {
          nodes: entry.exchangeLineItems.map((line) => ({
            id: line.id,
            quantity: line.quantity,
            variantId: line.variantId,
          })),
        },
        reverseFulfillmentOrders: {
          nodes: entry.reverseFulfillmentOrder ? [{ id: entry.reverseFulfillmentOrder.id }] : [],
        },
        order: { id: entry.orderId, transactions: orderTransactions(shop, entry.orderId) },
      },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/queries/return
  ReturnsReturnForSync: ({ shop, variables }) => {
    const entry = findReturn(shop, variables.id);
    if (!entry) return { return: null };
    const items = (returnable(shop)[entry.orderId] ?? []).flatMap(
      (fulfillment) => fulfillment.lineItems,
    );
    return {
      return: {
        id: entry.id,
        status: entry.status,
        order: { id: entry.orderId },
        returnLineItems: {
          nodes: entry.returnLineItems.map((line) => ({
            id: line.id,
            quantity: line.quantity,
            customerNote: line.note,
            returnReasonDefinition: {
              handle:
                RETURN_REASON_DEFINITIONS.find(
                  (definition) => definition.id === line.returnReasonDefinitionId,
                )?.handle ?? "other",
            },
            fulfillmentLineItem: {
              id: line.fulfillmentLineItemId,
              lineItem: {
                id:
                  items.find((item) => item.fulfillmentLineItemId === line.fulfillmentLineItemId)
                    ?.lineItemId ?? "gid://shopify/LineItem/0",
              },
            },
          })),
        },
      },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/queries/locations
  ReturnsLocations: ({ shop }) => ({
    locations: {
      nodes: [
        {
          id: "gid://shopify/Location/346779380",
          name: `${shop.details.name} warehouse`,
          isActive: true,
          fulfillsOnlineOrders: true,
          address: {
            address1: "150 Elgin Street",
            address2: "8th floor",
            city: "Ottawa",
            provinceCode: "ON",
            zip: "K2P 1L4",
            countryCode: "CA",
            phone: "+16135551212",
          },
        },
      ],
    },
  }),

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/returnProcess
  ReturnsReturnProcess: ({ shop, variables }) => {
    const input = variables.input as {
      returnId?: string;
      returnLineItems?: { id: string; quantity: number }[];
      exchangeLineItems?: { id: string; quantity: number }[];
    };
    const entry = findReturn(shop, input.returnId);
    if (!entry)
      return { returnProcess: { return: null, userErrors: [notFound(["input", "returnId"])] } };
    const userErrors: UserError[] = [];
    if (entry.status !== "OPEN") {
      userErrors.push({
        field: ["input", "returnId"],
        code: "INVALID_STATE",
        message: "Return must be open to be processed",
      });
    }
    for (const [index, line] of (input.returnLineItems ?? []).entries()) {
      const known = entry.returnLineItems.find((candidate) => candidate.id === line.id);
      if (!known || line.quantity > known.quantity) {
        userErrors.push({
          field: ["input", "returnLineItems", String(index)],
          code: "INVALID",
          message: "Return line item is not processable",
        });
      }
    }
    for (const [index, line] of (input.exchangeLineItems ?? []).entries()) {
      if (!entry.exchangeLineItems.some((candidate) => candidate.id === line.id)) {
        userErrors.push({
          field: ["input", "exchangeLineItems", String(index)],
          code: "INVALID",
          message: "Exchange line item is not processable",
        });
      }
    }
    if (userErrors.length) return { returnProcess: { return: null, userErrors } };
    entry.processed.push(input);
    entry.status = "CLOSED";
    webhookOutbox(shop).push({ topic: "returns/close", payload: closePayload(entry) });
    return { returnProcess: { return: { id: entry.id, status: entry.status }, userErrors: [] } };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/reverseDeliveryCreateWithShipping
  ReturnsReverseDeliveryCreateWithShipping: ({ shop, variables }) => {
    const entry = shopifyReturns(shop).find(
      (candidate) => candidate.reverseFulfillmentOrder?.id === variables.reverseFulfillmentOrderId,
    );
    if (!entry) {
      return {
        reverseDeliveryCreateWithShipping: {
          reverseDelivery: null,
          userErrors: [
            {
              field: ["reverseFulfillmentOrderId"],
              code: "NOT_FOUND",
              message: "Reverse fulfillment order not found",
            },
          ],
        },
      };
    }
    const label = variables.labelInput as { fileUrl?: string } | null;
    if (label && !/^https?:\/\//.test(label.fileUrl ?? "")) {
      return {
        reverseDeliveryCreateWithShipping: {
          reverseDelivery: null,
          userErrors: [
            { field: ["labelInput", "fileUrl"], code: "INVALID", message: "File url is invalid" },
          ],
        },
      };
    }
    const delivery = {
      id: gid("ReverseDelivery"),
      tracking: variables.trackingInput ?? null,
      label,
    };
    entry.reverseDeliveries.push(delivery);
    const tracking = (variables.trackingInput ?? {}) as {
      number?: string;
      url?: string;
      company?: string;
    };
    // https://shopify.dev/docs/api/webhooks/2026-07 (reverse_deliveries/attach_deliverable sample)
    webhookOutbox(shop).push({
      topic: "reverse_deliveries/attach_deliverable",
      payload: {
        id: Number(fromGidNumber(delivery.id)),
        admin_graphql_api_id: delivery.id,
        return: { id: Number(fromGidNumber(entry.id)), admin_graphql_api_id: entry.id },
        shipping_deliverable: {
          tracking: {
            carrier_name: tracking.company ?? null,
            tracking_number: tracking.number ?? null,
            tracking_url: tracking.url ?? null,
          },
          label: { public_file_url: label?.fileUrl ?? null, created_at: new Date().toISOString() },
        },
      },
    });
    return {
      reverseDeliveryCreateWithShipping: { reverseDelivery: { id: delivery.id }, userErrors: [] },
    };
  },
};

/**
 * The REST payload of a returns/* webhook for a return, as Shopify's webhook reference shows it
 * (https://shopify.dev/docs/api/webhooks/2026-07, returns/request and returns/approve samples).
 */
export function returnWebhookPayload(entry: RecordedReturn) {
  const number = (value: string) => Number(fromGidNumber(value));
  return {
    id: number(entry.id),
    admin_graphql_api_id: entry.id,
    status: entry.status.toLowerCase(),
    order: { id: number(entry.orderId), admin_graphql_api_id: entry.orderId },
    total_return_line_items: entry.returnLineItems.length,
    name: null,
    return_line_items: entry.returnLineItems.map((line) => ({
      id: number(line.id),
      admin_graphql_api_id: line.id,
      fulfillment_line_item: {
        id: number(line.fulfillmentLineItemId),
        admin_graphql_api_id: line.fulfillmentLineItemId,
      },
      quantity: line.quantity,
      return_reason_note: line.note ?? "",
      return_reason_definition:
        RETURN_REASON_DEFINITIONS.find(
          (definition) => definition.id === line.returnReasonDefinitionId,
        ) ?? null,
    })),
    return_shipping_fees: [],
    exchange_line_items: [],
    total_exchange_line_items: entry.exchangeLineItems.length,
    ...(entry.decline
      ? { decline: { reason: entry.decline.reason.toLowerCase(), note: entry.decline.note } }
      : {}),
  };
}

export type ShopifyAdminAction = "create" | "approve" | "decline" | "cancel" | "close" | "reopen";

const ACTION_TOPIC: Record<
  Exclude<ShopifyAdminAction, "create">,
  [RecordedReturn["status"][], RecordedReturn["status"], string]
> = {
  approve: [["REQUESTED"], "OPEN", "returns/approve"],
  decline: [["REQUESTED"], "DECLINED", "returns/decline"],
  cancel: [["REQUESTED", "OPEN"], "CANCELED", "returns/cancel"],
  close: [["OPEN"], "CLOSED", "returns/close"],
  reopen: [["CLOSED"], "OPEN", "returns/reopen"],
};

/**
 * The merchant acting in Shopify's admin (tests: POST /__standin/shops/<shop>/returns[/<id>/<action>]):
 * the return changes on Shopify's side and the webhook Shopify would send is returned to deliver.
 */
export function merchantActsInShopify(
  shop: Shop,
  action: ShopifyAdminAction,
  returnId: string | undefined,
  body: Record<string, unknown>,
): { error: string } | { topic: string; payload: Record<string, unknown>; entry: RecordedReturn } {
  if (action === "create") {
    const status = body.status === "REQUESTED" ? "REQUESTED" : "OPEN";
    const created = createReturn(
      shop,
      body as Parameters<typeof createReturn>[1],
      status,
      "returnInput",
    );
    if (!created.return)
      return { error: created.userErrors.map((error) => error.message).join("; ") };
    const entry = findReturn(shop, created.return.id)!;
    const topic = status === "OPEN" ? "returns/approve" : "returns/request";
    return { topic, payload: returnWebhookPayload(entry), entry };
  }
  const entry = findReturn(
    shop,
    /^\d+$/.test(returnId ?? "") ? `gid://shopify/Return/${returnId}` : returnId,
  );
  if (!entry) return { error: "Return not found" };
  const [from, to, topic] = ACTION_TOPIC[action];
  if (!from.includes(entry.status)) return { error: `Return is ${entry.status}` };
  entry.status = to;
  if (to === "OPEN") openReverseFulfillment(entry);
  if (action === "decline") {
    entry.decline = { reason: String(body.reason ?? "OTHER"), note: (body.note as string) ?? null };
  }
  const payload = action === "close" ? closePayload(entry) : returnWebhookPayload(entry);
  return { topic, payload, entry };
}

/** returns/close carries the order as a bare order_id (see the returns/close sample). */
function closePayload(entry: RecordedReturn) {
  return {
    id: Number(fromGidNumber(entry.id)),
    admin_graphql_api_id: entry.id,
    order_id: Number(fromGidNumber(entry.orderId)),
    status: "closed",
  };
}
