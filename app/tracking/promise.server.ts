import { z } from "zod";
import { db } from "../db.server";
import { dayInZone } from "../platform/calendar";
import { negotiateLocale } from "../platform/i18n";
import { getShop } from "../shops/index.server";
import { defaultTransitDays, MIN_HISTORY } from "./estimates";
import {
  businessDaysBetween,
  deliveryPromise,
  promiseLabel,
  transitRange,
  type Day,
} from "./promise";

/**
 * `?country=US&province=CA&method=Ground&cutoff=14:00&processing=1&holidays=2026-12-25`: where the
 * shopper is (the storefront's country, the signed-in customer's province when known), the
 * shipping method when the page knows it, and the block's settings.
 */
const PromiseQuerySchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, "country is a two-letter ISO code"),
  province: z
    .string()
    .regex(/^[A-Z0-9]{1,3}$/, "province is a region code")
    .optional(),
  method: z.string().trim().min(1).max(80).optional(),
  cutoff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "cutoff is HH:MM")
    .default("14:00"),
  processing: z.coerce.number().int().min(0).max(10).default(0),
  holidays: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((day) => day.trim())
        .filter(Boolean),
    )
    .refine(
      (days) => days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day)),
      "holidays are YYYY-MM-DD",
    )
    .refine((days) => days.length <= 60, "at most 60 holidays")
    .default([]),
  locale: z.string().max(20).optional(),
});

/** Transit ranges by shop, destination and method: history changes slowly, pages load often. */
const TRANSIT_TTL_MS = 10 * 60_000;
const TRANSIT_CACHE_SIZE = 5_000;
const transitCache = new Map<string, { value: Transit; expires: number }>();

interface Transit {
  min: number;
  max: number;
  source: "history" | "default";
}

export interface PromiseBody {
  earliest: Day;
  latest: Day;
  /** ISO instant: order before this to keep the promise. */
  orderBy: string;
  /** The range in the shopper's language, plain text. */
  label: string;
  /** Ordering now still makes today's cut-off (else the order counts from the next shipping day). */
  orderToday: boolean;
  source: Transit["source"];
}

export type StorefrontPromiseAnswer =
  | { status: 200; body: PromiseBody; maxAgeSeconds: number }
  | { status: 400; body: { error: "invalid"; issues: string[] } }
  | { status: 404; body: { error: "unknown_shop" } }
  | { status: 429; body: { error: "rate_limited" }; retryAfterSeconds: number };

type ShipmentFilter = NonNullable<
  NonNullable<Parameters<typeof db.trackingShipment.findMany>[0]>["where"]
>;

/** Business days from handover to delivery of the shop's delivered shipments matching `where`. */
async function transitSamples(
  shopDomain: string,
  timeZone: string,
  where: ShipmentFilter,
): Promise<number[]> {
  const delivered = await db.trackingShipment.findMany({
    where: {
      shopDomain,
      tag: "Delivered",
      shippedAt: { not: null },
      deliveredAt: { not: null },
      ...where,
    },
    select: { shippedAt: true, deliveredAt: true },
    orderBy: { deliveredAt: "desc" },
    take: 500,
  });
  return delivered.map((row) =>
    businessDaysBetween(dayInZone(row.shippedAt!, timeZone), dayInZone(row.deliveredAt!, timeZone)),
  );
}

/**
 * From the most specific group with enough deliveries: method × region, region, method × country,
 * country; then the default range of the carrier the shop uses most for that country.
 */
async function transitFor(
  shopDomain: string,
  shop: { timeZone: string; country: string | null },
  destination: { country: string; province?: string; method?: string },
): Promise<Transit> {
  const key = [shopDomain, destination.country, destination.province, destination.method].join("|");
  const cached = transitCache.get(key);
  if (cached && cached.expires > Date.now()) return cached.value;

  const region = destination.province ? `${destination.country}-${destination.province}` : null;
  const country = {
    OR: [
      { destinationRegion: destination.country },
      { destinationRegion: { startsWith: `${destination.country}-` } },
    ],
  };
  const groups = [
    region && destination.method
      ? { destinationRegion: region, service: destination.method }
      : null,
    region ? { destinationRegion: region } : null,
    destination.method ? { ...country, service: destination.method } : null,
    country,
  ].filter((group) => group !== null);

  let transit: Transit | null = null;
  for (const group of groups) {
    const range = transitRange(await transitSamples(shopDomain, shop.timeZone, group), MIN_HISTORY);
    if (range) {
      transit = { ...range, source: "history" };
      break;
    }
  }
  if (!transit) {
    const usual = await db.trackingShipment.groupBy({
      by: ["carrier"],
      where: { shopDomain, carrier: { not: null }, ...country },
      _count: { _all: true },
      orderBy: { _count: { carrier: "desc" } },
      take: 1,
    });
    const international = Boolean(shop.country && shop.country !== destination.country);
    const [min, max] = defaultTransitDays(usual[0]?.carrier ?? null, international);
    transit = { min, max, source: "default" };
  }

  if (transitCache.size >= TRANSIT_CACHE_SIZE) {
    transitCache.delete(transitCache.keys().next().value!);
  }
  transitCache.set(key, { value: transit, expires: Date.now() + TRANSIT_TTL_MS });
  return transit;
}

/** The promise block's answer, for a request the App Proxy signed for this shop. */
export async function storefrontPromise({
  shopDomain,
  searchParams,
  spendRequest,
  now = new Date(),
}: {
  shopDomain: string;
  searchParams: URLSearchParams;
  /** Spends one request of the shopper's budget: the seconds to wait when over it, or null. */
  spendRequest: () => Promise<number | null>;
  now?: Date;
}): Promise<StorefrontPromiseAnswer> {
  const wait = await spendRequest();
  if (wait !== null) {
    return { status: 429, body: { error: "rate_limited" }, retryAfterSeconds: wait };
  }
  const query = PromiseQuerySchema.safeParse(
    Object.fromEntries(
      ["country", "province", "method", "cutoff", "processing", "holidays", "locale"]
        .map((name) => [name, searchParams.get(name) || undefined])
        .filter(([, value]) => value !== undefined),
    ),
  );
  if (!query.success) {
    return {
      status: 400,
      body: { error: "invalid", issues: query.error.issues.map((issue) => issue.message) },
    };
  }
  const shop = await getShop(shopDomain);
  if (!shop) return { status: 404, body: { error: "unknown_shop" } };
  const timeZone = shop.ianaTimezone ?? "UTC";
  const { country, province, method, cutoff, processing, holidays, locale } = query.data;

  const transit = await transitFor(
    shopDomain,
    { timeZone, country: shop.countryCode ?? null },
    { country, province, method },
  );
  const promise = deliveryPromise(
    now,
    { timeZone, cutoff, processingDays: processing, holidays },
    transit,
  );
  return {
    status: 200,
    body: {
      earliest: promise.earliest,
      latest: promise.latest,
      orderBy: promise.orderBy.toISOString(),
      label: promiseLabel(promise, negotiateLocale([locale])),
      orderToday: dayInZone(promise.orderBy, timeZone) === dayInZone(now, timeZone),
      source: transit.source,
    },
    // Until the cut-off moves the promise, at most the transit cache's life.
    maxAgeSeconds: Math.max(
      1,
      Math.min(
        TRANSIT_TTL_MS / 1000,
        Math.floor((promise.orderBy.getTime() - now.getTime()) / 1000),
      ),
    ),
  };
}
