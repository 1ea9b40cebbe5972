import type { Dashboard } from "./dashboard.server";
import { EXPERIENCE_MONTHS } from "./experiences";
import { COHORT_MONTHS } from "./kpi";

/**
 * Each table of the dashboard as CSV rows (the same figures the page shows; amounts in minor
 * units of the shop's currency, rates as fractions, days as decimals).
 */
export const DASHBOARD_TABLES = [
  "kpis",
  "daily",
  "return-reasons",
  "return-products",
  "return-variants",
  "return-resolutions",
  "carriers",
  "regions",
  "cohorts",
  "experiences",
] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

type Cell = string | number | null;
const months = Array.from({ length: COHORT_MONTHS }, (_, i) => i + 1);
const round = (value: number | null, digits = 4) =>
  value === null ? null : Number(value.toFixed(digits));

export function dashboardTable(
  data: Dashboard,
  table: DashboardTable,
): { headers: string[]; rows: Cell[][] } {
  const { current: c, before: b } = data;
  switch (table) {
    case "kpis": {
      const line = (name: string, now: number | null, then: number | null): Cell[] => [
        name,
        round(now),
        round(then),
      ];
      return {
        headers: [
          `kpi`,
          `${data.range.from}..${data.range.to}`,
          `${data.previous.from}..${data.previous.to}`,
        ],
        rows: [
          line("orders", c.orders, b.orders),
          line("net_revenue_minor", c.netRevenue, b.netRevenue),
          line("nps", c.nps?.score ?? null, b.nps?.score ?? null),
          line("nps_n", c.nps?.n ?? 0, b.nps?.n ?? 0),
          line("nps_95_low", c.nps?.low ?? null, b.nps?.low ?? null),
          line("nps_95_high", c.nps?.high ?? null, b.nps?.high ?? null),
          line("csat", c.csat.rate, b.csat.rate),
          line("csat_n", c.csat.n, b.csat.n),
          line("repeat_purchase_rate", c.repeat.rate, b.repeat.rate),
          line("new_customers", c.repeat.newCustomers, b.repeat.newCustomers),
          line("ltv_3m_minor", c.ltv.month3, b.ltv.month3),
          line("ltv_6m_minor", c.ltv.month6, b.ltv.month6),
          line("ltv_12m_minor", c.ltv.month12, b.ltv.month12),
          line("return_rate_units", c.returns.rate, b.returns.rate),
          line("returned_units", c.returns.units, b.returns.units),
          line("returned_value_minor", c.returns.value, b.returns.value),
          line("delivered_units", c.returns.deliveredUnits, b.returns.deliveredUnits),
          line("revenue_kept_minor", c.returns.keptValue, b.returns.keptValue),
          line("revenue_kept_share", c.returns.keptShare, b.returns.keptShare),
          line("refunded_returns", c.returns.refunded, b.returns.refunded),
          line("refund_median_hours", c.returns.medianRefundHours, b.returns.medianRefundHours),
          line("refund_p90_hours", c.returns.p90RefundHours, b.returns.p90RefundHours),
          line("delivery_median_days", c.delivery.medianDays, b.delivery.medianDays),
          line("delivery_p90_days", c.delivery.p90Days, b.delivery.p90Days),
          line("on_time_rate_first_promise", c.delivery.onTimeRate, b.delivery.onTimeRate),
          line("exception_rate", c.delivery.exceptionRate, b.delivery.exceptionRate),
          line("tracking_page_views", c.wismo.pageViews, b.wismo.pageViews),
          line("tracking_widget_views", c.wismo.widgetViews, b.wismo.widgetViews),
          line("tracking_views_per_order", c.wismo.viewsPerOrder, b.wismo.viewsPerOrder),
          line("email_opens_per_order", c.wismo.opensPerOrder, b.wismo.opensPerOrder),
          line("points_issued", c.loyalty.issued, b.loyalty.issued),
          line("points_redeemed", c.loyalty.redeemed, b.loyalty.redeemed),
          line("points_expired", c.loyalty.expired, b.loyalty.expired),
          line("redeemer_revenue_minor", c.loyalty.redeemerRevenue, b.loyalty.redeemerRevenue),
          line(
            "recommendation_impressions",
            c.recommendations.impressions,
            b.recommendations.impressions,
          ),
          line("recommendation_clicks", c.recommendations.clicks, b.recommendations.clicks),
          line("recommendation_orders", c.recommendations.orders, b.recommendations.orders),
          line(
            "recommendation_revenue_minor",
            c.recommendations.revenue,
            b.recommendations.revenue,
          ),
          line(
            "tracking_page_recommendation_orders",
            c.recommendations.trackingPage.orders,
            b.recommendations.trackingPage.orders,
          ),
          line(
            "tracking_page_recommendation_revenue_minor",
            c.recommendations.trackingPage.revenue,
            b.recommendations.trackingPage.revenue,
          ),
          line(
            "email_recommendation_revenue_minor",
            c.recommendations.email.revenue,
            b.recommendations.email.revenue,
          ),
        ],
      };
    }
    case "daily":
      return {
        headers: ["day", "orders", "net_revenue_minor", "nps", "nps_n", "on_time_rate"],
        rows: data.series.map((d) => [
          d.day,
          d.orders,
          d.netRevenue,
          round(d.nps),
          d.npsAnswers,
          round(d.onTimeRate),
        ]),
      };
    case "return-reasons":
      return {
        headers: ["reason", "units", "value_minor", "share_of_units"],
        rows: c.returns.byReason.map((r) => [r.reason, r.units, r.value, round(r.share)]),
      };
    case "return-products":
      return {
        headers: ["product", "returned_units", "delivered_units", "return_rate"],
        rows: c.returns.byProduct.map((p) => [p.product, p.units, p.deliveredUnits, round(p.rate)]),
      };
    case "return-variants":
      return {
        headers: ["variant", "returned_units", "value_minor", "delivered_units", "return_rate"],
        rows: c.returns.byVariant.map((v) => [
          v.variant,
          v.units,
          v.value,
          v.deliveredUnits,
          round(v.rate),
        ]),
      };
    case "return-resolutions":
      return {
        headers: ["resolution", "units", "value_minor", "share_of_value", "revenue_kept"],
        rows: c.returns.byResolution.map((r) => [
          r.resolution,
          r.units,
          r.value,
          round(r.share),
          r.kept ? "yes" : "no",
        ]),
      };
    case "carriers":
      return {
        headers: ["carrier", "deliveries", "median_days", "p90_days", "on_time_rate"],
        rows: c.delivery.byCarrier.map((r) => [
          r.carrier,
          r.deliveries,
          round(r.medianDays),
          round(r.p90Days),
          round(r.onTimeRate),
        ]),
      };
    case "regions":
      return {
        headers: ["region", "deliveries", "median_days", "p90_days"],
        rows: c.delivery.byRegion.map((r) => [
          r.region,
          r.deliveries,
          round(r.medianDays),
          round(r.p90Days),
        ]),
      };
    case "cohorts":
      return {
        headers: [
          "first_order_month",
          "customers",
          ...months.map((m) => `repeat_rate_m${m}`),
          ...months.map((m) => `net_revenue_per_customer_m${m}`),
        ],
        rows: data.cohorts.map((cohort) => [
          cohort.month,
          cohort.customers,
          ...cohort.repeatRate.map((v) => round(v)),
          ...cohort.revenuePerCustomer.map((v) => round(v, 2)),
        ]),
      };
    case "experiences":
      return {
        headers: [
          "after_first_order",
          "customers",
          ...EXPERIENCE_MONTHS.map((m) => `repeat_rate_m${m}`),
          ...EXPERIENCE_MONTHS.map((m) => `net_revenue_per_customer_m${m}`),
        ],
        rows: data.experiences.map((row) => [
          row.segment,
          row.customers,
          ...row.repeatRate.map((v) => round(v)),
          ...row.revenuePerCustomer.map((v) => round(v, 2)),
        ]),
      };
  }
}
