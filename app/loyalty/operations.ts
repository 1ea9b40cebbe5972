import { adminOperation } from "../platform/shopify/admin-operation";
import type { UserError } from "../platform/shopify/admin-gateway.server";

export interface DiscountCodeBasicInput {
  title: string;
  code: string;
  startsAt: string;
  endsAt?: string | null;
  /** One customer (a reward), or everyone (a referral's friend discount). */
  context: { customers: { add: string[] } } | { all: "ALL" };
  customerGets: {
    value:
      { percentage: number } | { discountAmount: { amount: string; appliesOnEachItem: boolean } };
    items: { all: true };
  };
  minimumRequirement?: { subtotal: { greaterThanOrEqualToSubtotal: string } } | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/discountCodeBasicCreate
export const DiscountCodeBasicCreateMutation = adminOperation<
  {
    discountCodeBasicCreate: {
      codeDiscountNode: { id: string } | null;
      userErrors: (UserError & { extraInfo?: string | null })[];
    } | null;
  },
  { basicCodeDiscount: DiscountCodeBasicInput }
>(`#graphql
  mutation LoyaltyDiscountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode { id }
      userErrors { field code message extraInfo }
    }
  }
`);

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/storeCreditAccountCredit
export const StoreCreditAccountCreditMutation = adminOperation<
  {
    storeCreditAccountCredit: {
      storeCreditAccountTransaction: { id: string } | null;
      userErrors: UserError[];
    } | null;
  },
  { id: string; creditInput: { creditAmount: { amount: string; currencyCode: string } } }
>(`#graphql
  mutation LoyaltyStoreCreditAccountCredit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {
    storeCreditAccountCredit(id: $id, creditInput: $creditInput) {
      storeCreditAccountTransaction { id }
      userErrors { field code message }
    }
  }
`);

export interface MetafieldsSetInput {
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet
export const LoyaltyMetafieldsSetMutation = adminOperation<
  {
    metafieldsSet: {
      metafields: { id: string; key: string; namespace: string; value: string }[] | null;
      userErrors: UserError[];
    } | null;
  },
  { metafields: MetafieldsSetInput[] }
>(`#graphql
  mutation LoyaltyMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id key namespace value }
      userErrors { field code message }
    }
  }
`);

// https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes
export const LoyaltyProductTagsQuery = adminOperation<
  { nodes: ({ id: string; tags: string[] } | null)[] },
  { ids: string[] }
>(`#graphql
  query LoyaltyProductTags($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product { id tags }
    }
  }
`);
