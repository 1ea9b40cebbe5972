import { adminOperation } from "../platform/shopify/admin-operation";
import type { UserError } from "../platform/shopify/admin-gateway.server";

export interface DiscountCodeBasicInput {
  title: string;
  code: string;
  startsAt: string;
  endsAt?: string | null;
  /** One customer (a reward), or the customers of a segment (a referral's new customers). */
  context: { customers: { add: string[] } } | { customerSegments: { add: string[] } };
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

// https://shopify.dev/docs/api/admin-graphql/latest/queries/segments
export const LoyaltySegmentsQuery = adminOperation<
  { segments: { nodes: { id: string; name: string; query: string }[] } },
  Record<string, never>
>(`#graphql
  query LoyaltySegments {
    segments(first: 250) {
      nodes { id name query }
    }
  }
`);

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/segmentCreate
export const LoyaltySegmentCreateMutation = adminOperation<
  {
    segmentCreate: {
      segment: { id: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    } | null;
  },
  { name: string; query: string }
>(`#graphql
  mutation LoyaltySegmentCreate($name: String!, $query: String!) {
    segmentCreate(name: $name, query: $query) {
      segment { id }
      userErrors { field message }
    }
  }
`);
