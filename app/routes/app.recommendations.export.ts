import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, toCsv } from "../platform/csv";
import {
  PERFORMANCE_CSV_HEADERS,
  performanceCsvRows,
  recommendationPerformance,
} from "../recommendations/performance.server";
import { requireAdminShop } from "../shopify.server";
import { getShop } from "../shops/shops.server";

/** The performance card's days as CSV: what was shown, clicked and bought, per day and currency. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const record = await getShop(shop);
  const currency = record?.currencyCode ?? "USD";
  const { days } = await recommendationPerformance(shop, {
    timeZone: record?.ianaTimezone ?? "UTC",
    currency,
  });
  return csvResponse(
    "recommendations.csv",
    toCsv(PERFORMANCE_CSV_HEADERS, performanceCsvRows(days, currency)),
  );
};
