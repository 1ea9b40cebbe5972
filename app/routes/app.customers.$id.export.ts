import type { LoaderFunctionArgs } from "@remix-run/node";
import { customerRecord, TIMELINE_CSV_HEADERS, timelineCsvRows } from "../analytics/index.server";
import { csvResponse, toCsv } from "../platform/csv";
import { adminLocale } from "../shops/shops.server";
import { requireAdminShop } from "../shopify.server";

/** A customer's timeline as CSV. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const record = await customerRecord(shop, params.id ?? "", await adminLocale(shop));
  if (!record) throw new Response("Not found", { status: 404 });
  return csvResponse(
    `customer-${record.customer.shopifyId}-timeline.csv`,
    toCsv(TIMELINE_CSV_HEADERS, timelineCsvRows(record)),
  );
};
