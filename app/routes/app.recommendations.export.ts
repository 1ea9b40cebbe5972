import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, toCsv } from "../platform/csv";
import { fromMinorUnits } from "../platform/shopify/money";
import { recommendationPerformance } from "../recommendations/performance.server";
import { requireAdminShop } from "../shopify.server";
import { getShop } from "../shops/shops.server";

/** The performance card's days as CSV: what was shown, clicked and bought, per day. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const record = await getShop(shop);
  const currency = record?.currencyCode ?? "USD";
  const { days } = await recommendationPerformance(shop, record?.ianaTimezone ?? "UTC");
  return csvResponse(
    "recommendations.csv",
    toCsv(
      ["day", "impressions", "clicks", "attributed_orders", "attributed_revenue", "currency"],
      days.map((day) => [
        day.day,
        day.impressions,
        day.clicks,
        day.orders,
        fromMinorUnits(day.revenue, currency),
        currency,
      ]),
    ),
  );
};
