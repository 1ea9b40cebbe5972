import { createHmac, randomBytes } from "node:crypto";

/**
 * EasyPost's tracker and webhook API as the stand-in plays it (https://docs.easypost.com/docs/trackers,
 * https://docs.easypost.com/docs/webhooks): trackers created and retrieved with an API key, and
 * `tracker.updated` events delivered to the account's webhooks, signed like EasyPost signs them.
 * Tests and the demo move a tracker along with `advance`.
 */

export interface TrackingDetail {
  object: "TrackingDetail";
  message: string;
  description: string;
  status: string;
  status_detail: string;
  datetime: string;
  source: string;
  carrier_code: string;
  tracking_location: {
    object: "TrackingLocation";
    city: string | null;
    state: string | null;
    country: string | null;
    zip: string | null;
  };
  est_delivery_date: string | null;
}

export interface Tracker {
  id: string;
  object: "Tracker";
  mode: "test";
  tracking_code: string;
  status: string;
  status_detail: string;
  created_at: string;
  updated_at: string;
  signed_by: string | null;
  weight: number | null;
  est_delivery_date: string | null;
  shipment_id: null;
  carrier: string;
  tracking_details: TrackingDetail[];
  fees: [];
  carrier_detail: {
    object: "CarrierDetail";
    service: string | null;
    container_type: null;
    est_delivery_date_local: string | null;
    est_delivery_time_local: null;
    origin_location: string | null;
    origin_tracking_location: null;
    destination_location: string | null;
    destination_tracking_location: null;
    guaranteed_delivery_date: null;
    alternate_identifier: null;
    initial_delivery_attempt: null;
  };
  public_url: string;
  finalized: boolean;
  is_return: boolean;
}

export interface Advance {
  status: string;
  status_detail: string;
  message: string;
  city?: string | null;
  state?: string | null;
  country?: string | null;
  zip?: string | null;
  datetime?: string;
  est_delivery_date?: string | null;
}

interface Webhook {
  id: string;
  url: string;
  secret: string | null;
}

/** Our carrier codes' EasyPost names, for trackers created without a carrier. */
const CARRIER_BY_PREFIX: [RegExp, string][] = [
  [/^1Z/i, "UPS"],
  [/^TBA/i, "AmazonShipping"],
  [/^9\d{21}$/, "USPS"],
  [/^\d{12}$/, "FedEx"],
];

interface Rate {
  id: string;
  object: "Rate";
  mode: "test";
  service: string;
  carrier: string;
  rate: string;
  currency: string;
  retail_rate: string;
  list_rate: string;
  delivery_days: number;
  delivery_date_guaranteed: boolean;
  shipment_id: string;
  carrier_account_id: string;
  created_at: string;
  updated_at: string;
}

/** https://docs.easypost.com/docs/shipments (the fields the docs' create and buy examples show). */
export interface Shipment {
  id: string;
  object: "Shipment";
  mode: "test";
  reference: string | null;
  is_return: boolean;
  status: string;
  from_address: Record<string, unknown>;
  to_address: Record<string, unknown>;
  parcel: Record<string, unknown>;
  rates: Rate[];
  selected_rate: Rate | null;
  postage_label: Record<string, unknown> | null;
  tracking_code: string | null;
  tracker: Tracker | null;
  fees: { object: "Fee"; type: string; amount: string; charged: boolean; refunded: boolean }[];
  messages: [];
  created_at: string;
  updated_at: string;
}

/** Rates the stand-in quotes for every shipment: the lowest is USPS Ground Advantage. */
const QUOTES = [
  { carrier: "UPS", service: "Ground", rate: "11.20", days: 3 },
  { carrier: "USPS", service: "GroundAdvantage", rate: "7.58", days: 4 },
  { carrier: "FedEx", service: "FEDEX_GROUND", rate: "9.45", days: 3 },
];

export class EasyPostApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export class EasyPostStandin {
  readonly trackers = new Map<string, Tracker & { apiKey: string }>();
  readonly webhooks = new Map<string, Webhook[]>();
  readonly shipments = new Map<string, Shipment & { apiKey: string }>();

  createShipment(apiKey: string, params: Record<string, unknown>): Shipment {
    const errors = ["from_address", "to_address", "parcel"]
      .filter((field) => !params[field] || typeof params[field] !== "object")
      .map((field) => ({ field: `shipment.${field}`, message: "cannot be blank" }));
    const parcel = params.parcel as { weight?: number } | undefined;
    if (parcel && !(Number(parcel.weight) > 0)) {
      errors.push({ field: "shipment.parcel.weight", message: "must be greater than 0" });
    }
    if (errors.length) {
      throw new EasyPostApiError(422, "PARAMETER.REQUIRED", "Missing required parameter.", errors);
    }
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const id = `shp_${randomBytes(16).toString("hex")}`;
    const shipment: Shipment & { apiKey: string } = {
      apiKey,
      id,
      object: "Shipment",
      mode: "test",
      reference: (params.reference as string | undefined) ?? null,
      is_return: params.is_return === true,
      status: "unknown",
      from_address: {
        id: `adr_${randomBytes(8).toString("hex")}`,
        object: "Address",
        ...(params.from_address as object),
      },
      to_address: {
        id: `adr_${randomBytes(8).toString("hex")}`,
        object: "Address",
        ...(params.to_address as object),
      },
      parcel: {
        id: `prcl_${randomBytes(8).toString("hex")}`,
        object: "Parcel",
        ...(parcel as object),
      },
      rates: QUOTES.map((quote) => ({
        id: `rate_${randomBytes(12).toString("hex")}`,
        object: "Rate",
        mode: "test",
        service: quote.service,
        carrier: quote.carrier,
        rate: quote.rate,
        currency: "USD",
        retail_rate: quote.rate,
        list_rate: quote.rate,
        delivery_days: quote.days,
        delivery_date_guaranteed: false,
        shipment_id: id,
        carrier_account_id: `ca_${quote.carrier.toLowerCase()}`,
        created_at: now,
        updated_at: now,
      })),
      selected_rate: null,
      postage_label: null,
      tracking_code: null,
      tracker: null,
      fees: [],
      messages: [],
      created_at: now,
      updated_at: now,
    };
    this.shipments.set(id, shipment);
    return publicShipment(shipment);
  }

  /** Buys a rate: the label, its tracking number and a tracker that follows the parcel. */
  buyShipment(apiKey: string, id: string, rateId: string | undefined): Shipment {
    const shipment = this.shipments.get(id);
    if (!shipment || shipment.apiKey !== apiKey) {
      throw new EasyPostApiError(404, "NOT_FOUND", "The requested resource could not be found.");
    }
    if (shipment.postage_label) {
      throw new EasyPostApiError(
        422,
        "SHIPMENT.POSTAGE.EXISTS",
        "Postage already exists for this shipment.",
      );
    }
    const rate = shipment.rates.find((candidate) => candidate.id === rateId);
    if (!rate) {
      throw new EasyPostApiError(422, "SHIPMENT.RATE.INVALID", "The rate could not be found.", [
        { field: "rate.id", message: "is invalid" },
      ]);
    }
    const trackingCode =
      rate.carrier === "USPS"
        ? `9434${String(Date.now()).padStart(14, "0")}${String(this.shipments.size).padStart(4, "0")}`
        : `1Z${randomBytes(8).toString("hex").toUpperCase()}`;
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    shipment.selected_rate = rate;
    shipment.tracking_code = trackingCode;
    shipment.status = "unknown";
    shipment.updated_at = now;
    shipment.postage_label = {
      id: `pl_${randomBytes(12).toString("hex")}`,
      object: "PostageLabel",
      label_date: now,
      label_resolution: 300,
      label_size: "4x6",
      label_type: "default",
      label_file_type: "image/png",
      label_url: `https://easypost-files.s3.us-west-2.amazonaws.com/files/postage_label/${id}.png`,
      label_pdf_url: null,
      created_at: now,
      updated_at: now,
    };
    shipment.fees = [
      { object: "Fee", type: "PostageFee", amount: rate.rate, charged: true, refunded: false },
    ];
    const tracker = this.createTracker(apiKey, {
      tracking_code: trackingCode,
      carrier: rate.carrier,
    });
    const stored = this.trackers.get(tracker.id)!;
    stored.is_return = shipment.is_return;
    shipment.tracker = publicTracker(stored);
    return publicShipment(shipment);
  }

  createTracker(apiKey: string, params: { tracking_code: string; carrier?: string }): Tracker {
    const existing = [...this.trackers.values()].find(
      (tracker) => tracker.apiKey === apiKey && tracker.tracking_code === params.tracking_code,
    );
    if (existing) return publicTracker(existing);
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const id = `trk_${randomBytes(16).toString("hex")}`;
    const tracker: Tracker & { apiKey: string } = {
      apiKey,
      id,
      object: "Tracker",
      mode: "test",
      tracking_code: params.tracking_code,
      status: "pre_transit",
      status_detail: "label_created",
      created_at: now,
      updated_at: now,
      signed_by: null,
      weight: null,
      est_delivery_date: null,
      shipment_id: null,
      carrier:
        params.carrier ??
        CARRIER_BY_PREFIX.find(([pattern]) => pattern.test(params.tracking_code))?.[1] ??
        "USPS",
      tracking_details: [
        detail({
          status: "pre_transit",
          status_detail: "label_created",
          message: "Shipping Label Created",
          datetime: now,
        }),
      ],
      fees: [],
      carrier_detail: {
        object: "CarrierDetail",
        service: "Ground",
        container_type: null,
        est_delivery_date_local: null,
        est_delivery_time_local: null,
        origin_location: null,
        origin_tracking_location: null,
        destination_location: null,
        destination_tracking_location: null,
        guaranteed_delivery_date: null,
        alternate_identifier: null,
        initial_delivery_attempt: null,
      },
      public_url: `https://track.easypost.com/${Buffer.from(id).toString("base64url")}`,
      finalized: false,
      is_return: false,
    };
    this.trackers.set(id, tracker);
    return publicTracker(tracker);
  }

  tracker(apiKey: string, id: string): Tracker | null {
    const tracker = this.trackers.get(id);
    return tracker && tracker.apiKey === apiKey ? publicTracker(tracker) : null;
  }

  createWebhook(apiKey: string, params: { url: string; webhook_secret?: string }) {
    const webhook = {
      id: `hook_${randomBytes(12).toString("hex")}`,
      url: params.url,
      secret: params.webhook_secret ?? null,
    };
    this.webhooks.set(apiKey, [...(this.webhooks.get(apiKey) ?? []), webhook]);
    return {
      id: webhook.id,
      object: "Webhook",
      mode: "test",
      url: webhook.url,
      created_at: new Date().toISOString(),
      disabled_at: null,
    };
  }

  /** Moves a tracker along and delivers `tracker.updated` to its account's webhooks. */
  async advance(id: string, step: Advance): Promise<number[]> {
    const tracker = this.trackers.get(id);
    if (!tracker) throw new Error(`No tracker ${id}`);
    const previous = tracker.status;
    const entry = detail(step);
    tracker.tracking_details.push(entry);
    tracker.status = step.status;
    tracker.status_detail = step.status_detail;
    tracker.updated_at = entry.datetime;
    if (step.est_delivery_date !== undefined) tracker.est_delivery_date = step.est_delivery_date;
    const event = {
      description: "tracker.updated",
      mode: "test",
      previous_attributes: { status: previous },
      created_at: entry.datetime,
      pending_urls: [] as string[],
      completed_urls: [] as string[],
      updated_at: entry.datetime,
      id: `evt_${randomBytes(12).toString("hex")}`,
      user_id: "user_standin",
      status: "pending",
      object: "Event",
      result: publicTracker(tracker),
    };
    const statuses: number[] = [];
    for (const webhook of this.webhooks.get(tracker.apiKey) ?? []) {
      const body = JSON.stringify(event);
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (webhook.secret) headers["X-Hmac-Signature"] = easypostSignature(body, webhook.secret);
      const response = await fetch(webhook.url, { method: "POST", headers, body });
      statuses.push(response.status);
    }
    return statuses;
  }
}

/** EasyPost's webhook signature: hex HMAC-SHA256 of the body, keyed with the NFKD-normalized secret. */
export function easypostSignature(body: string, secret: string): string {
  const digest = createHmac("sha256", Buffer.from(secret.normalize("NFKD"), "utf8"))
    .update(body, "utf8")
    .digest("hex");
  return `hmac-sha256-hex=${digest}`;
}

function detail(step: Advance): TrackingDetail {
  return {
    object: "TrackingDetail",
    message: step.message,
    description: step.message,
    status: step.status,
    status_detail: step.status_detail,
    datetime: step.datetime ?? new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    source: "EasyPost",
    carrier_code: "",
    tracking_location: {
      object: "TrackingLocation",
      city: step.city ?? null,
      state: step.state ?? null,
      country: step.country ?? null,
      zip: step.zip ?? null,
    },
    est_delivery_date: step.est_delivery_date ?? null,
  };
}

function publicTracker(tracker: Tracker & { apiKey?: string }): Tracker {
  const { apiKey: _apiKey, ...rest } = tracker;
  return structuredClone(rest);
}

function publicShipment(shipment: Shipment & { apiKey?: string }): Shipment {
  const { apiKey: _apiKey, ...rest } = shipment;
  return structuredClone(rest);
}
