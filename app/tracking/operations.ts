import { adminOperation } from "../platform/shopify/admin-operation";
import type { UserError } from "../platform/shopify/admin-gateway.server";

export interface FulfillmentEventInput {
  fulfillmentId: string;
  status: string;
  happenedAt: string;
  message: string;
  estimatedDeliveryAt?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  zip?: string | null;
}

export const FulfillmentEventCreateMutation = adminOperation<
  {
    fulfillmentEventCreate: {
      fulfillmentEvent: { id: string; status: string; happenedAt: string } | null;
      userErrors: UserError[];
    } | null;
  },
  { fulfillmentEvent: FulfillmentEventInput }
>(`#graphql
  mutation FulfillmentEventCreate($fulfillmentEvent: FulfillmentEventInput!) {
    fulfillmentEventCreate(fulfillmentEvent: $fulfillmentEvent) {
      fulfillmentEvent { id status happenedAt }
      userErrors { field message }
    }
  }
`);
