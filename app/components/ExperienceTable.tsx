import type { AnalyticsMessageKey } from "../analytics/messages";
import { EXPERIENCE_MONTHS, type ExperienceSplit } from "../analytics/experiences";
import type { formatters } from "../analytics/view";
import { ExportableTable } from "./ExportableTable";

type Translate = (key: AnalyticsMessageKey, values?: Record<string, string | number>) => string;

/**
 * The cohorts split by what the first order brought (late or on-time parcel, a return, the first
 * NPS answer, loyalty), with the sentence a merchant reads first: what a late delivery costs.
 */
export function ExperienceTable({
  split,
  t,
  f,
  table,
}: {
  split: ExperienceSplit[];
  t: Translate;
  f: ReturnType<typeof formatters>;
  table: {
    exportUrl: string;
    exportName: string;
    exportLabel: string;
  };
}) {
  const late = split.find((row) => row.segment === "delivery:late");
  const onTime = split.find((row) => row.segment === "delivery:on_time");
  const sixMonths = EXPERIENCE_MONTHS.indexOf(6);
  const cost =
    late && onTime && late.repeatRate[sixMonths] != null && onTime.repeatRate[sixMonths] != null
      ? t("lateDeliveryCost", {
          late: f.percent(late.repeatRate[sixMonths]!),
          onTime: f.percent(onTime.repeatRate[sixMonths]!),
          revenueLate: f.money(late.revenuePerCustomer[sixMonths] ?? null),
          revenueOnTime: f.money(onTime.revenuePerCustomer[sixMonths] ?? null),
        })
      : null;
  return (
    <ExportableTable
      title={t("tableExperiences")}
      headings={[
        t("colExperience"),
        t("colCustomers"),
        ...EXPERIENCE_MONTHS.map((n) => t("colRepeatBy", { n })),
        t("colRevenueBy", { n: 12 }),
      ]}
      numeric={[false, true, ...EXPERIENCE_MONTHS.map(() => true), true]}
      rows={split.map((row) => [
        t(`experience_${row.segment.replace(":", "_")}` as AnalyticsMessageKey),
        row.customers,
        ...row.repeatRate.map((rate) => f.percent(rate)),
        f.money(row.revenuePerCustomer.at(-1) ?? null),
      ])}
      {...table}
      empty={t("emptyExperiences")}
      footer={[cost, t("experiencesHelp")].filter(Boolean).join(" ")}
    />
  );
}
