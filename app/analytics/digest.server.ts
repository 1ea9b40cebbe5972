import { db } from "../db.server";
import { notify, type NotifyResult } from "../notifications/index.server";
import { getShop } from "../shops/index.server";
import { dashboard } from "./dashboard.server";
import { digestWeek, type DigestWeek } from "./digest";

const adminBase = (shopDomain: string) =>
  `https://admin.shopify.com/store/${shopDomain.replace(".myshopify.com", "")}/apps/aftercare/app`;

/**
 * What is waiting for the merchant now: shipments flagged and not dismissed, returns received and
 * not yet closed, conversations open or waiting on the shop, destinations switched off for
 * failing. Counts only; each links to the page that lists them.
 */
async function needsAttention(shopDomain: string) {
  const admin = adminBase(shopDomain);
  const [openExceptions, returnsToInspect, openConversations, failingDestinations] =
    await Promise.all([
      db.trackingShipment.count({ where: { shopDomain, attentionReason: { not: null } } }),
      db.returnRequest.count({ where: { shopDomain, status: "received" } }),
      db.supportConversation.count({ where: { shopDomain, status: "open" } }),
      db.destinationEndpoint.count({ where: { shopDomain, disabledReason: "failing" } }),
    ]);
  return [
    { key: "openExceptions", count: openExceptions, url: `${admin}/shipments?attention=any` },
    { key: "returnsToInspect", count: returnsToInspect, url: `${admin}/returns?tab=received` },
    {
      key: "openConversations",
      count: openConversations,
      url: `${admin}/support/inbox?status=open`,
    },
    { key: "failingDestinations", count: failingDestinations, url: `${admin}/settings/endpoints` },
  ] as const;
}

/** The digest's figures for `week` against the week before, from the dashboard's own sums. */
export async function digestFigures(shopDomain: string, currency: string, week: DigestWeek) {
  const [figures, attention] = await Promise.all([
    dashboard(shopDomain, week, currency),
    needsAttention(shopDomain),
  ]);
  const { current, before, liability } = figures;
  const pair = <K extends string>(key: K, pick: (f: typeof current) => number | null) => ({
    key,
    current: pick(current),
    previous: pick(before),
  });
  return {
    from: week.from,
    to: week.to,
    currency,
    kpis: [
      pair("orders", (f) => f.orders),
      pair("netRevenue", (f) => f.netRevenue),
      pair("nps", (f) => f.nps?.score ?? null),
      pair("csat", (f) => f.csat.rate),
      pair("returnRate", (f) => f.returns.rate),
      pair("onTimeRate", (f) => f.delivery.onTimeRate),
      pair("exceptionRate", (f) => f.delivery.exceptionRate),
      // What is owed now: the ledger keeps no balance per past week.
      { key: "loyaltyLiability", current: liability.value, previous: null },
      pair("recommendationRevenue", (f) => f.recommendations.revenue),
    ],
    attention: [...attention],
    adminUrl: adminBase(shopDomain),
  };
}

export type DigestOutcome = NotifyResult | { queued: false; reason: "no-recipient" };

/**
 * The shop's weekly digest to its owner, in the shop's language, through the notifications engine:
 * at most once per shop and week (the week's Monday keys it), and not at all when the merchant
 * turned the "Weekly digest" trigger off.
 */
export async function sendWeeklyDigest(
  shopDomain: string,
  now = new Date(),
): Promise<DigestOutcome> {
  const shop = await getShop(shopDomain);
  const email = shop?.email ?? shop?.contactEmail;
  if (!shop || shop.uninstalledAt || !email) return { queued: false, reason: "no-recipient" };
  const week = digestWeek(now, shop.ianaTimezone);
  return notify({
    shop: shopDomain,
    trigger: "digest.weekly",
    subjectKey: `week:${week.from}`,
    recipient: { email, locale: shop.primaryLocale },
    data: await digestFigures(shopDomain, shop.currencyCode, week),
  });
}
