import { adminOperation } from "../platform/shopify/admin-operation";
import type { UserError } from "../platform/shopify/admin-gateway.server";

/** The Admin API operations of returns (https://shopify.dev/docs/api/admin-graphql, Returns). */

export interface MoneyInput {
  amount: string;
  currencyCode: string;
}

export interface ReturnLineItemInput {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReasonDefinitionId: string;
  returnReasonNote?: string;
}

interface ReturnPayload {
  return: {
    id: string;
    status: string;
    returnLineItems: {
      nodes: { id: string; quantity: number; fulfillmentLineItem?: { id: string } | null }[];
    };
  } | null;
  userErrors: UserError[];
}

const RETURN_FIELDS = `
  id
  status
  returnLineItems(first: 50) {
    nodes { id quantity ... on ReturnLineItem { fulfillmentLineItem { id } } }
  }
`;

export const ReturnableFulfillmentsQuery = adminOperation<
  {
    returnableFulfillments: {
      nodes: {
        id: string;
        fulfillment: { id: string };
        returnableFulfillmentLineItems: {
          nodes: {
            quantity: number;
            fulfillmentLineItem: { id: string; lineItem: { id: string } };
          }[];
        };
      }[];
    };
  },
  { orderId: string }
>(`#graphql
  query ReturnsReturnableFulfillments($orderId: ID!) {
    returnableFulfillments(orderId: $orderId, first: 20) {
      nodes {
        id
        fulfillment { id }
        returnableFulfillmentLineItems(first: 100) {
          nodes { quantity fulfillmentLineItem { id lineItem { id } } }
        }
      }
    }
  }
`);

export const ReturnReasonDefinitionsQuery = adminOperation<
  { returnReasonDefinitions: { nodes: { id: string; handle: string; deleted: boolean }[] } },
  { handles: string[] }
>(`#graphql
  query ReturnsReasonDefinitions($handles: [String!]) {
    returnReasonDefinitions(first: 50, handles: $handles) {
      nodes { id handle deleted }
    }
  }
`);

export const ReturnCreateMutation = adminOperation<
  { returnCreate: ReturnPayload | null },
  {
    returnInput: {
      orderId: string;
      requestedAt: string;
      returnLineItems: ReturnLineItemInput[];
      exchangeLineItems: { variantId: string; quantity: number }[];
      returnShippingFee?: { amount: MoneyInput };
    };
  }
>(`#graphql
  mutation ReturnsReturnCreate($returnInput: ReturnInput!) {
    returnCreate(returnInput: $returnInput) {
      return { ${RETURN_FIELDS} }
      userErrors { field message code }
    }
  }
`);

export const ReturnRequestMutation = adminOperation<
  { returnRequest: ReturnPayload | null },
  {
    input: {
      orderId: string;
      returnLineItems: (Omit<ReturnLineItemInput, "returnReasonNote"> & {
        customerNote?: string;
      })[];
      returnShippingFee?: { amount: MoneyInput };
    };
  }
>(`#graphql
  mutation ReturnsReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return { ${RETURN_FIELDS} }
      userErrors { field message code }
    }
  }
`);

export const ReturnApproveRequestMutation = adminOperation<
  {
    returnApproveRequest: {
      return: { id: string; status: string } | null;
      userErrors: UserError[];
    } | null;
  },
  { input: { id: string } }
>(`#graphql
  mutation ReturnsReturnApproveRequest($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }
`);

export const ReturnDeclineRequestMutation = adminOperation<
  {
    returnDeclineRequest: {
      return: { id: string; status: string } | null;
      userErrors: UserError[];
    } | null;
  },
  { input: { id: string; declineReason: "OTHER"; declineNote: string; notifyCustomer: boolean } }
>(`#graphql
  mutation ReturnsReturnDeclineRequest($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }
`);

/** What processing and shipping a return need from Shopify: its lines, exchange lines, payments. */
export const ReturnContextQuery = adminOperation<
  {
    return: {
      id: string;
      status: string;
      returnLineItems: {
        nodes: { id: string; quantity: number; fulfillmentLineItem?: { id: string } | null }[];
      };
      exchangeLineItems: { nodes: { id: string; quantity: number; variantId: string | null }[] };
      reverseFulfillmentOrders: { nodes: { id: string }[] };
      order: { id: string; transactions: { id: string; kind: string; status: string }[] };
    } | null;
  },
  { id: string }
>(`#graphql
  query ReturnsReturnContext($id: ID!) {
    return(id: $id) {
      id
      status
      returnLineItems(first: 50) {
        nodes { id quantity ... on ReturnLineItem { fulfillmentLineItem { id } } }
      }
      exchangeLineItems(first: 50) { nodes { id quantity variantId } }
      reverseFulfillmentOrders(first: 5) { nodes { id } }
      order { id transactions(first: 20) { id kind status } }
    }
  }
`);

export interface ReturnProcessInput {
  returnId: string;
  returnLineItems: { id: string; quantity: number }[];
  exchangeLineItems: { id: string; quantity: number }[];
  financialTransfer?: {
    issueRefund: {
      orderTransactions: { parentId: string; transactionAmount: MoneyInput }[];
      refundMethods: { storeCreditRefund: { amount: MoneyInput } }[];
    };
  };
  notifyCustomer: boolean;
}

export const ReturnProcessMutation = adminOperation<
  {
    returnProcess: {
      return: { id: string; status: string } | null;
      userErrors: UserError[];
    } | null;
  },
  { input: ReturnProcessInput }
>(`#graphql
  mutation ReturnsReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return { id status }
      userErrors { field message code }
    }
  }
`);

export const ReverseDeliveryCreateWithShippingMutation = adminOperation<
  {
    reverseDeliveryCreateWithShipping: {
      reverseDelivery: { id: string } | null;
      userErrors: UserError[];
    } | null;
  },
  {
    reverseFulfillmentOrderId: string;
    reverseDeliveryLineItems: { reverseFulfillmentOrderLineItemId: string; quantity: number }[];
    trackingInput: { number: string; url: string | null; company: string | null };
    labelInput?: { fileUrl: string };
    notifyCustomer: boolean;
  }
>(`#graphql
  mutation ReturnsReverseDeliveryCreateWithShipping(
    $reverseFulfillmentOrderId: ID!
    $reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!
    $trackingInput: ReverseDeliveryTrackingInput
    $labelInput: ReverseDeliveryLabelInput
    $notifyCustomer: Boolean
  ) {
    reverseDeliveryCreateWithShipping(
      reverseFulfillmentOrderId: $reverseFulfillmentOrderId
      reverseDeliveryLineItems: $reverseDeliveryLineItems
      trackingInput: $trackingInput
      labelInput: $labelInput
      notifyCustomer: $notifyCustomer
    ) {
      reverseDelivery { id }
      userErrors { field message code }
    }
  }
`);

/** A return Shopify told us about first (made in Shopify's admin), to record it here. */
export const ReturnForSyncQuery = adminOperation<
  {
    return: {
      id: string;
      status: string;
      order: { id: string };
      returnLineItems: {
        nodes: {
          id: string;
          quantity: number;
          customerNote?: string | null;
          returnReasonDefinition?: { handle: string } | null;
          fulfillmentLineItem?: { id: string; lineItem: { id: string } } | null;
        }[];
      };
    } | null;
  },
  { id: string }
>(`#graphql
  query ReturnsReturnForSync($id: ID!) {
    return(id: $id) {
      id
      status
      order { id }
      returnLineItems(first: 50) {
        nodes {
          id
          quantity
          ... on ReturnLineItem {
            customerNote
            returnReasonDefinition { handle }
            fulfillmentLineItem { id lineItem { id } }
          }
        }
      }
    }
  }
`);

/** The shop's locations: returns come back to the first active one that ships online orders. */
export const ReturnLocationsQuery = adminOperation<{
  locations: {
    nodes: {
      id: string;
      name: string;
      isActive: boolean;
      fulfillsOnlineOrders: boolean;
      address: {
        address1: string | null;
        address2: string | null;
        city: string | null;
        provinceCode: string | null;
        zip: string | null;
        countryCode: string | null;
        phone: string | null;
      };
    }[];
  };
}>(`#graphql
  query ReturnsLocations {
    locations(first: 20) {
      nodes {
        id
        name
        isActive
        fulfillsOnlineOrders
        address { address1 address2 city provinceCode zip countryCode phone }
      }
    }
  }
`);

interface ShopNowVariantNode {
  id: string;
  title: string;
  price: string;
  availableForSale: boolean;
  /** Null when Shopify does not track the variant's inventory. */
  inventoryQuantity: number | null;
  inventoryPolicy: "DENY" | "CONTINUE";
}

/**
 * The catalog a shop-now exchange searches:
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/products (`query` in Shopify's search
 * syntax) with each variant's availableForSale, inventoryQuantity and inventoryPolicy.
 */
export const ShopNowSearchQuery = adminOperation<
  {
    products: {
      nodes: { id: string; title: string; variants: { nodes: ShopNowVariantNode[] } }[];
    };
  },
  { query: string }
>(`#graphql
  query ReturnsShopNowSearch($query: String!) {
    products(first: 20, query: $query) {
      nodes {
        id
        title
        variants(first: 50) {
          nodes { id title price availableForSale inventoryQuantity inventoryPolicy }
        }
      }
    }
  }
`);

/** The chosen variants as they stand at the moment of the exchange (nodes: unknown ids are null). */
export const ShopNowVariantsQuery = adminOperation<
  { nodes: ((ShopNowVariantNode & { product: { title: string } }) | null)[] },
  { ids: string[] }
>(`#graphql
  query ReturnsShopNowVariants($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id title price availableForSale inventoryQuantity inventoryPolicy
        product { title }
      }
    }
  }
`);

/** https://shopify.dev/docs/api/admin-graphql/latest/mutations/draftOrderInvoiceSend */
export const DraftOrderInvoiceSendMutation = adminOperation<
  {
    draftOrderInvoiceSend: {
      draftOrder: { id: string; status: string; invoiceUrl: string | null } | null;
      userErrors: UserError[];
    } | null;
  },
  { id: string }
>(`#graphql
  mutation ReturnsDraftOrderInvoiceSend($id: ID!) {
    draftOrderInvoiceSend(id: $id) {
      draftOrder { id status invoiceUrl }
      userErrors { field message }
    }
  }
`);
