import { formatCount, formatMinor } from "../components/format";
import type { ShopperLocale } from "../platform/i18n";
import type { Dashboard, Figures } from "./dashboard.server";
import { change } from "./kpi";
import { analyticsMessages, type AnalyticsMessageKey } from "./messages";

/**
 * What each KPI card shows, from the dashboard's figures: the same code on the server and in the
 * browser, in the shop's language.
 */

type DashboardView = Dashboard;
type FiguresView = Figures;

export interface KpiView {
  key: string;
  label: string;
  value: string | null;
  detail?: string;
  previous?: string;
  change: { value: number | null; higherIsBetter: boolean; locale: string };
  definition: string;
  empty: string;
}

export function formatters(locale: ShopperLocale, currency: string) {
  const percent = (value: number | null) =>
    value === null
      ? "—"
      : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  const decimal = (value: number | null, digits = 1) =>
    value === null
      ? "—"
      : new Intl.NumberFormat(locale, {
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
        }).format(value);
  return {
    percent,
    decimal,
    count: (value: number) => formatCount(value, locale),
    money: (minor: number | null) =>
      minor === null ? "—" : formatMinor(Math.round(minor), currency, locale),
  };
}

export function kpiCards(data: DashboardView, locale: ShopperLocale, currency: string): KpiView[] {
  const t = analyticsMessages(locale);
  const f = formatters(locale, currency);
  const c = data.current;
  const b = data.before;
  const minutes = (value: number | null) =>
    value === null ? "—" : t("minutesValue", { n: f.count(Math.round(value)) });
  // Most refunds take hours; a slow one reads better in days than as "130 h".
  const duration = (hours: number | null) => {
    if (hours === null) return "—";
    return hours < 48
      ? t("hoursValue", { n: f.count(hours) })
      : t("daysValue", { n: f.decimal(hours / 24) });
  };
  const card = (
    key: AnalyticsMessageKey,
    pick: (figures: FiguresView) => number | null,
    show: (value: number | null) => string,
    options: {
      detail?: string;
      emptyKey?: AnalyticsMessageKey;
      hasData: boolean;
      higherIsBetter?: boolean;
    },
  ): KpiView => {
    const now = pick(c);
    const then = pick(b);
    return {
      key,
      label: t(key),
      value: options.hasData && now !== null ? show(now) : null,
      detail: options.detail,
      previous: then === null ? undefined : t("previous", { value: show(then) }),
      change: { value: change(now, then), higherIsBetter: options.higherIsBetter ?? true, locale },
      definition: t(`${key}Def` as AnalyticsMessageKey),
      empty: t(options.emptyKey ?? "noData"),
    };
  };
  return [
    card(
      "kpiOrders",
      (x) => x.orders,
      (v) => f.count(v ?? 0),
      { hasData: c.orders > 0 },
    ),
    card("kpiNetRevenue", (x) => x.netRevenue, f.money, { hasData: c.orders > 0 }),
    card(
      "kpiNps",
      (x) => x.nps?.score ?? null,
      (v) => f.decimal(v, 0),
      {
        hasData: c.nps !== null,
        emptyKey: "kpiNpsEmpty",
        detail: c.nps
          ? t("npsDetail", {
              n: c.nps.n,
              low: f.decimal(c.nps.low, 0),
              high: f.decimal(c.nps.high, 0),
            })
          : undefined,
      },
    ),
    card("kpiCsat", (x) => x.csat.rate, f.percent, {
      hasData: c.csat.n > 0,
      emptyKey: "kpiCsatEmpty",
      detail: t("csatDetail", { n: c.csat.n }),
    }),
    card("kpiRepeat", (x) => x.repeat.rate, f.percent, {
      hasData: c.repeat.newCustomers > 0,
      detail: t("repeatDetail", {
        repeaters: c.repeat.repeaters,
        customers: c.repeat.newCustomers,
      }),
    }),
    card("kpiLtv", (x) => x.ltv.month3, f.money, {
      hasData: c.ltv.newCustomers > 0,
      detail: t("ltvDetail", {
        m3: f.money(c.ltv.month3),
        m6: f.money(c.ltv.month6),
        m12: f.money(c.ltv.month12),
        n: c.ltv.newCustomers,
      }),
    }),
    card("kpiReturnRate", (x) => x.returns.rate, f.percent, {
      hasData: c.returns.rate !== null,
      emptyKey: "kpiReturnEmpty",
      higherIsBetter: false,
      detail: t("returnDetail", {
        units: c.returns.units,
        delivered: c.returns.deliveredUnits,
        value: f.money(c.returns.value),
      }),
    }),
    card("kpiRefundTime", (x) => x.returns.medianRefundHours, duration, {
      hasData: c.returns.refunded > 0,
      emptyKey: "kpiRefundEmpty",
      higherIsBetter: false,
      detail: t("refundDetail", {
        median: duration(c.returns.medianRefundHours),
        p90: duration(c.returns.p90RefundHours),
        n: c.returns.refunded,
      }),
    }),
    card(
      "kpiDelivery",
      (x) => x.delivery.medianDays,
      (v) => f.decimal(v),
      {
        hasData: c.delivery.medianDays !== null,
        emptyKey: "kpiDeliveryEmpty",
        higherIsBetter: false,
        detail: t("deliveryDetail", {
          median: f.decimal(c.delivery.medianDays),
          p90: f.decimal(c.delivery.p90Days),
        }),
      },
    ),
    card("kpiOnTime", (x) => x.delivery.onTimeRate, f.percent, {
      hasData: c.delivery.onTimeRate !== null,
      emptyKey: "kpiDeliveryEmpty",
      detail: t("onTimeDetail", { n: c.delivery.promised }),
    }),
    card("kpiExceptions", (x) => x.delivery.exceptionRate, f.percent, {
      hasData: c.delivery.exceptionRate !== null,
      emptyKey: "kpiDeliveryEmpty",
      higherIsBetter: false,
      detail: t("exceptionDetail", { n: c.delivery.exceptions, shipments: c.delivery.shipments }),
    }),
    card(
      "kpiWismo",
      (x) => x.wismo.viewsPerOrder,
      (v) => f.decimal(v, 2),
      {
        hasData: c.wismo.pageViews + c.wismo.widgetViews + c.wismo.emailsSent > 0 && c.orders > 0,
        emptyKey: "kpiWismoEmpty",
        detail: t("wismoDetail", {
          page: c.wismo.pageViews,
          widget: c.wismo.widgetViews,
          opened: c.wismo.emailsOpened,
          sent: c.wismo.emailsSent,
        }),
      },
    ),
    card(
      "kpiSupport",
      (x) => x.support.contactsPer100Orders,
      (v) => f.decimal(v, 1),
      {
        hasData: c.support.contacts + c.support.questions > 0 && c.orders > 0,
        emptyKey: "kpiSupportEmpty",
        higherIsBetter: false,
        detail: t("supportDetail", {
          contacts: c.support.contacts,
          deflection: f.percent(c.support.deflectionRate),
          questions: c.support.questions,
          first: minutes(c.support.medianFirstResponseMinutes),
          resolution: minutes(c.support.medianResolutionMinutes),
        }),
      },
    ),
    card(
      "kpiLoyalty",
      (x) => x.loyalty.issued,
      (v) => f.count(v ?? 0),
      {
        hasData:
          c.loyalty.issued + c.loyalty.redeemed + c.loyalty.expired > 0 ||
          data.liability.points > 0,
        emptyKey: "kpiLoyaltyEmpty",
        detail: t("loyaltyDetail", {
          issued: f.count(c.loyalty.issued),
          redeemed: f.count(c.loyalty.redeemed),
          expired: f.count(c.loyalty.expired),
          liability: f.money(data.liability.value),
          orders: c.loyalty.redeemerOrders,
          revenue: f.money(c.loyalty.redeemerRevenue),
        }),
      },
    ),
    card("kpiRecs", (x) => x.recommendations.revenue, f.money, {
      hasData: c.recommendations.impressions > 0 || c.recommendations.orders > 0,
      emptyKey: "kpiRecsEmpty",
      detail: t("recsDetail", {
        impressions: f.count(c.recommendations.impressions),
        clicks: f.count(c.recommendations.clicks),
        ctr: f.percent(c.recommendations.ctr),
        orders: c.recommendations.orders,
      }),
    }),
    card("kpiTrackingRecs", (x) => x.recommendations.trackingPage.revenue, f.money, {
      hasData: c.wismo.pageViews > 0 || c.recommendations.trackingPage.orders > 0,
      emptyKey: "kpiTrackingRecsEmpty",
      detail: t("trackingRecsDetail", {
        orders: c.recommendations.trackingPage.orders,
        emailRevenue: f.money(c.recommendations.email.revenue),
        emailOrders: c.recommendations.email.orders,
      }),
    }),
  ];
}
