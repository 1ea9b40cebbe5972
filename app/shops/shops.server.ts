import { z } from "zod";
import { db } from "../db.server";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob } from "../platform/jobs/types";
import { negotiateLocale, type ShopperLocale } from "../platform/i18n";
import { perProcessCache } from "../platform/per-process-cache";
import { log } from "../platform/logging/logger.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { fromGid } from "../platform/shopify/gid";
import { ShopDetailsQuery } from "./operations";
import { parseShopSettings, ShopSettingsSchema, type ShopSettings } from "./settings";

/** Shops: created on install (afterAuth), marked on uninstall, erased on shop/redact. */

export async function installShop(domain: string) {
  const now = new Date();
  await db.shop.upsert({
    where: { domain },
    create: { domain, installedAt: now },
    update: { installedAt: now, uninstalledAt: null },
  });
  profiles.forget(domain);
  await jobs.send(syncShopDetails, { shop: domain });
  for (const listener of installListeners) await listener(domain);
  log().info({ shop: domain }, "Shop installed");
}

type InstallListener = (domain: string) => Promise<void>;
const installListeners: InstallListener[] = [];

/**
 * Runs `listener` after every install. The webhook inbox releases what it held for the shop here;
 * it cannot be called directly, since the inbox's handlers depend on this module. (A
 * `shop.installed` subscriber once the events outbox lands.)
 */
export function onShopInstalled(listener: InstallListener) {
  if (!installListeners.includes(listener)) installListeners.push(listener);
}

export type Installation = "installed" | "uninstalled";

/** Whether each shop has Aftercare installed now; a shop never installed is absent. */
export async function installations(domains: string[]): Promise<Map<string, Installation>> {
  const shops = await db.shop.findMany({
    where: { domain: { in: [...new Set(domains)] } },
    select: { domain: true, uninstalledAt: true },
  });
  return new Map(
    shops.map((shop) => [shop.domain, shop.uninstalledAt ? "uninstalled" : "installed"]),
  );
}

/** Name, currency, time zone and locale from the Admin API; run after install and on demand. */
export const syncShopDetails = defineJob({
  name: "shops.sync-details",
  schema: z.object({ shop: z.string() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  run: ({ shop }) => syncShopDetailsNow(shop),
});

/**
 * The shop's details read now, for work that cannot wait for the job (a history import dates
 * its rollup days in the shop's time zone).
 */
export async function syncShopDetailsNow(shop: string) {
  const { shop: details, shopLocales } = await adminGateway.request(shop, ShopDetailsQuery, {});
  await db.shop.update({
    where: { domain: shop },
    data: {
      shopifyId: fromGid(details.id),
      name: details.name,
      email: details.email,
      contactEmail: details.contactEmail,
      currencyCode: details.currencyCode,
      ianaTimezone: details.ianaTimezone,
      countryCode: details.billingAddress?.countryCodeV2 ?? null,
      primaryLocale: shopLocales.find((locale) => locale.primary)?.locale ?? "en",
    },
  });
  profiles.forget(shop);
}

export function getShop(domain: string) {
  return db.shop.findUnique({ where: { domain } });
}

/** Shops with Aftercare installed now: what nightly jobs go through. */
export async function installedShopDomains() {
  const shops = await db.shop.findMany({
    where: { uninstalledAt: null },
    select: { domain: true },
  });
  return shops.map((shop) => shop.domain);
}

export async function getShopSettings(domain: string): Promise<ShopSettings> {
  const shop = await db.shop.findUnique({ where: { domain }, select: { settings: true } });
  return parseShopSettings(shop?.settings ?? "{}");
}

export interface ShopProfile {
  name: string;
  installed: boolean;
  currency: string;
  ianaTimezone: string;
  branding: ShopSettings["branding"];
}

/**
 * What shopper-facing pages show of a shop (name, brand, time zone) and whether it is installed;
 * read on every public request, so kept for 30 s per process (changes made in this process apply
 * at once).
 */
const profiles = perProcessCache(30_000, async (domain): Promise<ShopProfile | null> => {
  const shop = await getShop(domain);
  return shop
    ? {
        name: shop.name ?? domain,
        installed: !shop.uninstalledAt,
        currency: shop.currencyCode,
        ianaTimezone: shop.ianaTimezone,
        branding: parseShopSettings(shop.settings).branding,
      }
    : null;
});

export const shopProfile = (domain: string) => profiles.get(domain);

export async function updateShopSettings(domain: string, input: unknown) {
  const parsed = ShopSettingsSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false as const, errors: z.flattenError(parsed.error).fieldErrors };
  await db.shop.update({ where: { domain }, data: { settings: JSON.stringify(parsed.data) } });
  profiles.forget(domain);
  return { ok: true as const, settings: parsed.data };
}

/**
 * app/uninstalled: the shop's sessions are worthless now. An uninstall older than the current
 * installation (a late delivery after a reinstall) changes nothing.
 */
export async function markUninstalled(
  domain: string,
  at: Date,
  deleteSessions: () => Promise<void>,
) {
  const shop = await db.shop.findUnique({ where: { domain }, select: { installedAt: true } });
  if (shop && shop.installedAt > at) {
    log().info({ shop: domain }, "Ignoring an uninstall older than the current installation");
    return false;
  }
  await deleteSessions();
  if (shop) await db.shop.update({ where: { domain }, data: { uninstalledAt: at } });
  profiles.forget(domain);
  return true;
}

export const SHOP_JOBS = [syncShopDetails];

/** The language the shop's admin pages speak: its primary locale, where Aftercare speaks it. */
export async function adminLocale(shopDomain: string): Promise<ShopperLocale> {
  const shop = await db.shop.findUnique({
    where: { domain: shopDomain },
    select: { primaryLocale: true },
  });
  return negotiateLocale([shop?.primaryLocale]);
}
