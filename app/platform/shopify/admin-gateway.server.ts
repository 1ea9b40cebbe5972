import { ClientError, GraphQLClient } from "graphql-request";
import { log } from "../logging/logger.server";
import { API_VERSION } from "./api-version";
import type { AdminOperation } from "./admin-operation";
import { shopOrigin } from "./shop-origin.server";

/**
 * Every Admin GraphQL call of the app goes through here: typed operations, cost-based throttle
 * handling and errors that name the operation. Capabilities declare their operations with
 * `adminOperation` (./admin-operation) and call `adminGateway.request(shop, operation, vars)`.
 */
export type { AdminOperation };

export interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

/** A mutation's userErrors as one sentence for the merchant. */
export function userErrorText(errors: { message: string }[]): string {
  return errors.map((error) => error.message).join("; ");
}

export class AdminApiError extends Error {
  override name = "AdminApiError";
  constructor(
    readonly operation: string,
    readonly shop: string,
    message: string,
    readonly details: { status?: number; errors?: unknown; userErrors?: UserError[] } = {},
  ) {
    super(`${operation} on ${shop}: ${message}`);
  }
}

/** Throws when a mutation payload reports user errors; returns the payload otherwise. */
export function requireNoUserErrors<T extends { userErrors?: UserError[] | null }>(
  operation: AdminOperation<unknown, object>,
  shop: string,
  payload: T | null | undefined,
): T {
  if (!payload) throw new AdminApiError(operation.name, shop, "empty payload");
  const userErrors = payload.userErrors ?? [];
  if (userErrors.length) {
    throw new AdminApiError(
      operation.name,
      shop,
      userErrors.map((error) => error.message).join("; "),
      { userErrors },
    );
  }
  return payload;
}

export interface AdminGateway {
  request<TData, TVariables extends object>(
    shop: string,
    operation: AdminOperation<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData>;
}

interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface CostExtension {
  cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus };
}

export interface AdminGatewayDeps {
  /** A valid access token for the shop's offline session (refreshed when it expires). */
  accessToken(shop: string): Promise<string>;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  maxAttempts?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createAdminGateway(deps: AdminGatewayDeps): AdminGateway {
  const sleep = deps.sleep ?? defaultSleep;
  const maxAttempts = deps.maxAttempts ?? 6;

  async function request<TData, TVariables extends object>(
    shop: string,
    operation: AdminOperation<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    const token = await deps.accessToken(shop);
    const client = new GraphQLClient(`${shopOrigin(shop)}/admin/api/${API_VERSION}/graphql.json`, {
      headers: { "X-Shopify-Access-Token": token },
      errorPolicy: "all",
      fetch: deps.fetch ?? ((...args) => fetch(...args)),
    });

    for (let attempt = 1; ; attempt++) {
      let response;
      try {
        response = await client.rawRequest<TData, TVariables>(operation.document, variables);
      } catch (error) {
        const status = error instanceof ClientError ? error.response.status : undefined;
        const retryable = status === undefined || status === 429 || status >= 500;
        if (retryable && attempt < maxAttempts) {
          const wait = backoffMs(attempt);
          log().warn(
            { operation: operation.name, shop, status, wait },
            "Admin API call failed; retrying",
          );
          await sleep(wait);
          continue;
        }
        throw new AdminApiError(operation.name, shop, describeHttpError(error), { status });
      }

      const errors = response.errors ?? [];
      const throttled = errors.some(
        (error) => (error.extensions as { code?: string } | undefined)?.code === "THROTTLED",
      );
      if (throttled && attempt < maxAttempts) {
        const wait = throttleWaitMs(response.extensions as CostExtension | undefined);
        log().info(
          { operation: operation.name, shop, wait },
          "Admin API throttled; waiting for the bucket to refill",
        );
        await sleep(wait);
        continue;
      }
      if (errors.length) {
        throw new AdminApiError(
          operation.name,
          shop,
          errors.map((error) => error.message).join("; "),
          {
            status: response.status,
            errors,
          },
        );
      }
      return response.data;
    }
  }

  return { request };
}

/** Wait until the leaky bucket holds the requested cost, per Shopify's reported restore rate. */
export function throttleWaitMs(extensions: CostExtension | undefined): number {
  const cost = extensions?.cost;
  const status = cost?.throttleStatus;
  if (!status || !status.restoreRate) return 1000;
  const missing = Math.max(
    (cost.requestedQueryCost ?? status.maximumAvailable / 10) - status.currentlyAvailable,
    0,
  );
  return Math.max(Math.ceil((missing / status.restoreRate) * 1000), 250);
}

function backoffMs(attempt: number) {
  return Math.min(500 * 2 ** (attempt - 1), 8000);
}

function describeHttpError(error: unknown): string {
  if (error instanceof ClientError)
    return `HTTP ${error.response.status}: ${error.response.body?.slice(0, 200) ?? ""}`;
  return error instanceof Error ? error.message : String(error);
}
