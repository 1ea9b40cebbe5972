import { z } from "zod";
import { db } from "../db.server";
import { perProcessCache } from "../platform/per-process-cache";
import { dayInZone } from "../platform/calendar";
import { hasControlCharacters } from "../platform/typed-text";
import type { ShipmentMessageKey } from "./admin-messages";

/**
 * A refusal's name, which the shipments admin catalog (app/tracking/admin-messages.ts) words as
 * `offer_<name>` in the admin's language.
 */
type OfferRefusal = ShipmentMessageKey extends infer Key
  ? Key extends `offer_${infer Name}`
    ? Name
    : never
  : never;
const refusal = (name: OfferRefusal) => name;

/** A day of the shop's calendar, YYYY-MM-DD; empty: no bound. */
const Day = z
  .string()
  .trim()
  .refine((day) => day === "" || /^\d{4}-\d{2}-\d{2}$/.test(day), refusal("dateFormat"))
  .refine((day) => day === "" || !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), refusal("notADate"))
  .transform((day) => day || null);

/**
 * The merchant's offer on the storefront tracking page. An empty code removes it. Shopify's
 * discount codes are letters, digits, dashes and underscores in practice; the code goes into a
 * storefront `/discount/CODE` link, so nothing else is accepted.
 */
export const TrackingOfferInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .max(255, refusal("code"))
      .refine((code) => code === "" || /^[A-Za-z0-9_-]+$/.test(code), refusal("code")),
    headline: z
      .string()
      .trim()
      .max(120, refusal("headlineLong"))
      .refine((text) => !hasControlCharacters(text), refusal("headlineControl")),
    startsOn: Day,
    endsOn: Day,
  })
  .refine((offer) => offer.code === "" || offer.headline !== "", {
    message: refusal("headlineMissing"),
  })
  .refine((offer) => !offer.startsOn || !offer.endsOn || offer.startsOn <= offer.endsOn, {
    message: refusal("endsBeforeStart"),
  });
export type TrackingOfferInput = z.infer<typeof TrackingOfferInputSchema>;

export interface TrackingOffer {
  code: string;
  headline: string;
  startsOn: string | null;
  endsOn: string | null;
}

export async function trackingOffer(shopDomain: string): Promise<TrackingOffer | null> {
  return db.trackingPageOffer.findUnique({
    where: { shopDomain },
    select: { code: true, headline: true, startsOn: true, endsOn: true },
  });
}

/** What the storefront page reads on every lookup: kept 30 s per process; saves here apply at once. */
const shopperOffers = perProcessCache(30_000, trackingOffer);

export async function saveTrackingOffer(shopDomain: string, input: TrackingOfferInput) {
  if (input.code === "") {
    await db.trackingPageOffer.deleteMany({ where: { shopDomain } });
    shopperOffers.forget(shopDomain);
    return;
  }
  const fields = {
    code: input.code,
    headline: input.headline,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  };
  await db.trackingPageOffer.upsert({
    where: { shopDomain },
    create: { shopDomain, ...fields },
    update: fields,
  });
  shopperOffers.forget(shopDomain);
}

/** The offer the tracking page shows now: only from its first to its last day, in the shop's days. */
export async function activeTrackingOffer(
  shopDomain: string,
  timeZone: string,
  now = new Date(),
): Promise<TrackingOffer | null> {
  const offer = await shopperOffers.get(shopDomain);
  if (!offer) return null;
  const today = dayInZone(now, timeZone);
  if (offer.startsOn && today < offer.startsOn) return null;
  if (offer.endsOn && today > offer.endsOn) return null;
  return offer;
}
