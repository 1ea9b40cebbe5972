import { InlineGrid } from "@shopify/polaris";
import type { Figures } from "../analytics/dashboard.server";
import { analyticsMessages, type AnalyticsMessageKey } from "../analytics/messages";
import { formatters } from "../analytics/view";
import type { ShopperLocale } from "../platform/i18n";
import { ExportableTable } from "./ExportableTable";

interface TableExport {
  exportUrl: string;
  exportName: string;
  exportLabel: string;
  empty: string;
}

/**
 * The dashboard's return tables: by reason, product, variant and resolution (with the revenue
 * kept through exchanges and store credit), each exportable as CSV.
 */
export function ReturnsTables({
  returns,
  locale,
  currency,
  table,
}: {
  returns: Figures["returns"];
  locale: ShopperLocale;
  currency: string;
  table: (name: string) => TableExport;
}) {
  const t = analyticsMessages(locale);
  const f = formatters(locale, currency);
  const exported = (name: string) => ({ ...table(name), empty: t("emptyReturns") });
  // A resolution the app does not know yet still shows, under its stored name.
  const resolution = (name: string) => {
    const key = `resolution_${name}`;
    return key in RESOLUTION_KEYS ? t(key as AnalyticsMessageKey) : name;
  };
  return (
    <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
      <ExportableTable
        title={t("tableReasons")}
        headings={[t("colReason"), t("colUnits"), t("colValue"), t("colShare")]}
        numeric={[false, true, true, true]}
        rows={returns.byReason.map((r) => [
          r.reason,
          r.units,
          f.money(r.value),
          f.percent(r.share),
        ])}
        {...exported("return-reasons")}
      />
      <ExportableTable
        title={t("tableProducts")}
        headings={[t("colProduct"), t("colUnits"), t("colDelivered"), t("colRate")]}
        numeric={[false, true, true, true]}
        rows={returns.byProduct.map((p) => [
          p.product,
          p.units,
          p.deliveredUnits,
          f.percent(p.rate),
        ])}
        {...exported("return-products")}
      />
      <ExportableTable
        title={t("tableVariants")}
        headings={[t("colVariant"), t("colUnits"), t("colValue"), t("colDelivered"), t("colRate")]}
        numeric={[false, true, true, true, true]}
        rows={returns.byVariant.map((v) => [
          v.variant,
          v.units,
          f.money(v.value),
          v.deliveredUnits,
          f.percent(v.rate),
        ])}
        {...exported("return-variants")}
      />
      <ExportableTable
        title={t("tableResolutions")}
        headings={[t("colResolution"), t("colUnits"), t("colValue"), t("colShare"), t("colKept")]}
        numeric={[false, true, true, true, false]}
        rows={returns.byResolution.map((r) => [
          resolution(r.resolution),
          r.units,
          f.money(r.value),
          f.percent(r.share),
          r.kept ? t("yes") : t("no"),
        ])}
        footer={t("keptSummary", {
          value: f.money(returns.keptValue),
          share: f.percent(returns.keptShare),
          refunded: f.money(returns.value - returns.keptValue),
        })}
        {...exported("return-resolutions")}
      />
    </InlineGrid>
  );
}

const RESOLUTION_KEYS = {
  resolution_refund: true,
  resolution_store_credit: true,
  resolution_exchange: true,
  resolution_keep: true,
} satisfies Partial<Record<AnalyticsMessageKey, true>>;
