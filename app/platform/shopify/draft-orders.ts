import type { UserError } from "./admin-gateway.server";
import { adminOperation } from "./admin-operation";

/**
 * Draft orders, the one way Shopify lets an app create an order on a shopper's behalf: a
 * replacement at no charge (warranty claims, reshipped parcels) and a shop-now exchange paid
 * through the draft's invoice both start here.
 */

/** https://shopify.dev/docs/api/admin-graphql/latest/input-objects/DraftOrderInput (the fields we send). */
export interface DraftOrderInput {
  email?: string;
  purchasingEntity?: { customerId: string };
  lineItems: { variantId: string; quantity: number }[];
  appliedDiscount?: {
    value: number;
    valueType: "PERCENTAGE" | "FIXED_AMOUNT";
    title: string;
    description: string;
  };
  shippingAddress?: DraftOrderAddress;
  note: string;
  tags: string[];
}

/** https://shopify.dev/docs/api/admin-graphql/latest/input-objects/MailingAddressInput (the fields we send). */
export interface DraftOrderAddress {
  firstName?: string;
  lastName?: string;
  company?: string;
  address1?: string;
  address2?: string;
  city?: string;
  provinceCode?: string;
  zip?: string;
  countryCode?: string;
  phone?: string;
}

/** An address as order webhooks carry it (snake_case, any field missing or null). */
type WebhookAddress = Partial<
  Record<
    | "first_name"
    | "last_name"
    | "company"
    | "address1"
    | "address2"
    | "city"
    | "province_code"
    | "zip"
    | "country_code"
    | "phone",
    string | null
  >
>;

/** The `shippingAddress` of a draft order from the order's webhook address; none without one. */
export function draftShippingAddress(address: WebhookAddress | null): {
  shippingAddress?: DraftOrderAddress;
} {
  if (!address) return {};
  return {
    shippingAddress: {
      firstName: address.first_name ?? undefined,
      lastName: address.last_name ?? undefined,
      company: address.company ?? undefined,
      address1: address.address1 ?? undefined,
      address2: address.address2 ?? undefined,
      city: address.city ?? undefined,
      provinceCode: address.province_code ?? undefined,
      zip: address.zip ?? undefined,
      countryCode: address.country_code ?? undefined,
      phone: address.phone ?? undefined,
    },
  };
}

/** https://shopify.dev/docs/api/admin-graphql/latest/mutations/draftOrderCreate */
export const DraftOrderCreateMutation = adminOperation<
  {
    draftOrderCreate: {
      draftOrder: {
        id: string;
        totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
      } | null;
      userErrors: UserError[];
    } | null;
  },
  { input: DraftOrderInput }
>(`#graphql
  mutation DraftOrderCreate($input: DraftOrderInput!) {
    draftOrderCreate(input: $input) {
      draftOrder { id totalPriceSet { shopMoney { amount currencyCode } } }
      userErrors { field message }
    }
  }
`);

/** https://shopify.dev/docs/api/admin-graphql/latest/mutations/draftOrderComplete */
export const DraftOrderCompleteMutation = adminOperation<
  {
    draftOrderComplete: {
      draftOrder: { id: string; status: string; order: { id: string; name: string } | null } | null;
      userErrors: UserError[];
    } | null;
  },
  { id: string }
>(`#graphql
  mutation DraftOrderComplete($id: ID!) {
    draftOrderComplete(id: $id) {
      draftOrder { id status order { id name } }
      userErrors { field message }
    }
  }
`);
