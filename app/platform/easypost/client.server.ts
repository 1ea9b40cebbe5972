import EasyPostClient from "@easypost/api";
import { config } from "../../config.server";

/**
 * The one EasyPost client (https://docs.easypost.com/docs): the API base from EASYPOST_API_URL,
 * the shop's API key, a bounded wait and EasyPost's failures as one error type. Tracking
 * (trackers, webhooks) and returns (labels) both call EasyPost through it.
 */

/** EasyPost's own limit is 60 s; callers are jobs and admin actions that retry sooner. */
const TIMEOUT_MS = 20_000;

/** EasyPost refused a request (`status` is its HTTP status) or could not be reached (null). */
export class EasyPostError extends Error {
  override name = "EasyPostError";
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** A webhook whose X-Hmac-Signature is missing or does not match the secret. */
export class EasyPostSignatureError extends Error {
  override name = "EasyPostSignatureError";
}

function mapError(error: unknown): EasyPostError {
  const failure = error as { message?: string; statusCode?: number; code?: string };
  if (typeof failure.statusCode === "number") {
    return new EasyPostError(
      `EasyPost: ${failure.message || `HTTP ${failure.statusCode}`}`,
      failure.statusCode,
      failure.code ?? null,
    );
  }
  return new EasyPostError(
    failure.message ? `EasyPost: ${failure.message}` : "EasyPost could not be reached",
    null,
    failure.code ?? null,
  );
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw mapError(error);
  }
}

export interface ShipmentParams {
  is_return: boolean;
  reference: string;
  from_address: Record<string, unknown>;
  to_address: Record<string, unknown>;
  parcel: { weight: number };
}

/** The calls Aftercare makes, answered with EasyPost's JSON objects (callers validate them). */
export function easypostClient(apiKey: string) {
  const client = new EasyPostClient(apiKey, {
    baseUrl: config().EASYPOST_API_URL,
    timeout: TIMEOUT_MS,
  });
  return {
    createTracker: (params: { tracking_code: string; carrier?: string }): Promise<unknown> =>
      call(() => client.Tracker.create(params)),
    retrieveTracker: (id: string): Promise<unknown> => call(() => client.Tracker.retrieve(id)),
    createWebhook: (params: { url: string; webhook_secret: string | null }): Promise<unknown> =>
      call(() => client.Webhook.create(params)),
    createShipment: (params: ShipmentParams): Promise<{ id: string; rates?: unknown }> =>
      call(() => client.Shipment.create(params)),
    buyShipment: (shipmentId: string, rateId: string): Promise<unknown> =>
      call(() => client.Shipment.buy(shipmentId, rateId)),
  };
}

export type EasyPostApi = ReturnType<typeof easypostClient>;

/**
 * Checks EasyPost's webhook signature (X-Hmac-Signature: `hmac-sha256-hex=` and the hex
 * HMAC-SHA256 of the raw body keyed with the NFKD-normalized secret) with EasyPost's own code,
 * and returns the parsed event.
 */
export function verifyEasyPostWebhook(
  rawBody: Buffer,
  headers: Record<string, string>,
  secret: string,
): unknown {
  const client = new EasyPostClient("webhook-verification-only", {
    baseUrl: config().EASYPOST_API_URL,
  });
  try {
    return client.Utils.validateWebhook(rawBody, headers, secret);
  } catch {
    throw new EasyPostSignatureError("EasyPost webhook signature missing or wrong");
  }
}
