import type { LoaderFunctionArgs } from "@remix-run/node";
import { fromMinorUnits } from "../platform/shopify/money";
import { csvResponse, toCsv } from "../platform/csv";
import { exportReturnLines, parseReturnFilter } from "../returns/admin.server";
import { requireAdminShop } from "../shopify.server";

/** The returns matching the queue's tab and filters, one row per returned line. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseReturnFilter(new URL(request.url).searchParams);
  const rows: (string | number | null)[][] = [];
  for await (const { request: item, line, tracking } of exportReturnLines(shop, filter)) {
    const money = (minor: number) => fromMinorUnits(minor, item.currency);
    rows.push([
      item.id,
      item.orderName,
      item.email,
      item.status,
      item.requestedAt.toISOString(),
      line.title,
      line.variantTitle,
      line.quantity,
      line.reason,
      line.customerNote,
      line.resolution,
      item.currency,
      money(line.amount),
      money(line.fee),
      money(line.bonus),
      line.exchangeVariantTitle ?? line.exchangeVariantId,
      money(item.shippingFee),
      money(item.totalAmount),
      tracking || null,
      item.declineReason,
    ]);
  }
  return csvResponse(
    "returns.csv",
    toCsv(
      [
        "return_id",
        "order",
        "email",
        "status",
        "requested_at",
        "item",
        "variant",
        "quantity",
        "reason",
        "customer_note",
        "resolution",
        "currency",
        "amount",
        "fee",
        "bonus",
        "exchange_variant",
        "return_shipping_fee",
        "return_total",
        "tracking_numbers",
        "decline_reason",
      ],
      rows,
    ),
  );
};
