import type { LoaderFunctionArgs } from "@remix-run/node";
import { liabilityReport } from "../loyalty/admin.server";
import { csvResponse, toCsv } from "../platform/csv";
import { fromMinorUnits } from "../platform/shopify/money";
import { requireAdminShop } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const report = await liabilityReport(shop);
  const value = (points: number) =>
    fromMinorUnits(Math.round(points * report.pointValue), report.currency);
  return csvResponse(
    "loyalty-liability.csv",
    toCsv(
      [
        "month",
        "issued",
        "reversed",
        "redeemed",
        "expired",
        "adjusted",
        `redeemed_value_${report.currency}`,
      ],
      [
        ...report.months.map((month) => [
          month.month,
          month.issued,
          month.reversed,
          month.redeemed,
          month.expired,
          month.adjusted,
          value(month.redeemed),
        ]),
        [
          "outstanding",
          report.spendable,
          null,
          null,
          null,
          null,
          fromMinorUnits(report.liability, report.currency),
        ],
        [
          "reward_orders_revenue",
          report.rewardOrders,
          null,
          null,
          null,
          null,
          fromMinorUnits(report.rewardRevenue, report.currency),
        ],
        [
          "pending",
          report.pending,
          null,
          null,
          null,
          null,
          fromMinorUnits(report.pendingLiability, report.currency),
        ],
      ],
    ),
  );
};
