import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { DASHBOARD_TABLES, dashboard, dashboardTable, parseRange } from "../analytics/index.server";
import { csvResponse, toCsv } from "../platform/csv";
import { requireAdminShop } from "../shopify.server";
import { getShop } from "../shops/shops.server";

/** One of the dashboard's tables as CSV, for the range the page shows (`?table=&from=&to=`). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const params = new URL(request.url).searchParams;
  const table = z.enum(DASHBOARD_TABLES).safeParse(params.get("table"));
  if (!table.success) {
    throw new Response(`table must be one of ${DASHBOARD_TABLES.join(", ")}`, { status: 400 });
  }
  const record = await getShop(shop);
  const { range, error } = parseRange(params, record?.ianaTimezone ?? "UTC");
  if (error) throw new Response(error, { status: 400 });
  const data = await dashboard(shop, range, record?.currencyCode ?? "USD");
  const { headers, rows } = dashboardTable(data, table.data);
  return csvResponse(`dashboard-${table.data}-${range.from}-${range.to}.csv`, toCsv(headers, rows));
};
