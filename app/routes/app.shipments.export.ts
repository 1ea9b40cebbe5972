import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, toCsv } from "../platform/csv";
import { requireAdminShop } from "../shopify.server";
import { exportShipments, parseShipmentFilter } from "../tracking/queries.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseShipmentFilter(new URL(request.url).searchParams);
  const rows: (string | number | null)[][] = [];
  for await (const row of exportShipments(shop, filter)) {
    rows.push([
      row.orderName,
      row.email,
      row.trackingNumber,
      row.carrier,
      row.carrierConfidence,
      row.tag,
      row.statusLabel,
      row.estimateEarliest?.toISOString() ?? null,
      row.estimateLatest?.toISOString() ?? null,
      row.deliveredAt?.toISOString() ?? null,
      row.lastCheckpointAt?.toISOString() ?? null,
      row.attentionReason,
      row.attentionDetail,
    ]);
  }
  return csvResponse(
    "shipments.csv",
    toCsv(
      [
        "order",
        "email",
        "tracking_number",
        "carrier",
        "carrier_confidence",
        "status",
        "status_detail",
        "estimate_earliest",
        "estimate_latest",
        "delivered_at",
        "last_scan_at",
        "attention",
        "attention_detail",
      ],
      rows,
    ),
  );
};
