import type { DocumentNode } from "graphql";
import type { ShopState } from "../state";

export interface AdminRequest {
  shop: ShopState;
  variables: Record<string, unknown>;
  document: DocumentNode;
  /** The stand-in's own origin, for URLs it hands out (bulk operation result files). */
  origin: string;
}

/**
 * Answers one Admin GraphQL operation, by operation name, with `data` shaped as Shopify's
 * reference documents it. Throwing an `AdminGraphqlError` answers with top-level `errors`.
 */
export type AdminHandler = (request: AdminRequest) => unknown;

export class AdminGraphqlError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
