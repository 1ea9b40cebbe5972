import { Column, Link, Row, Section, Text } from "@react-email/components";
import type { ShopperLocale } from "../../platform/i18n";
import { formatMoney } from "../../platform/shopify/money";
import { DIGEST_KPIS, type DigestAttention, type DigestKpi, digestTranslator } from "./digest";

export interface DigestFigures {
  currency: string;
  kpis: { key: DigestKpi; current: number | null; previous: number | null }[];
  attention: { key: DigestAttention; count: number; url: string }[];
}

const cell = { fontSize: "14px", lineHeight: "20px", margin: "0", padding: "6px 0" };
const header = { ...cell, color: "#6b7280", fontSize: "12px" };

/** A KPI as the dashboard writes it; "—" when the week had nothing to measure. */
export function formatDigestValue(
  key: DigestKpi,
  value: number | null,
  currency: string,
  locale: ShopperLocale,
) {
  if (value === null) return "—";
  switch (DIGEST_KPIS[key]) {
    case "money":
      return formatMoney(Math.round(value), currency, locale);
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
        value,
      );
    case "score":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case "count":
      return new Intl.NumberFormat(locale).format(value);
  }
}

/** The week's figures against the week before, then what is waiting for the merchant. */
export function DigestDetails({
  figures,
  locale,
}: {
  figures: DigestFigures;
  locale: ShopperLocale;
}) {
  const t = digestTranslator(locale);
  const waiting = figures.attention.filter((item) => item.count > 0);
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Row>
        <Column style={header} />
        <Column style={{ ...header, textAlign: "right" }}>{t("thisWeek")}</Column>
        <Column style={{ ...header, textAlign: "right" }}>{t("previousWeek")}</Column>
      </Row>
      {figures.kpis.map((kpi) => (
        <Row key={kpi.key} style={{ borderTop: "1px solid #e5e7eb" }}>
          <Column style={cell}>{t(kpi.key)}</Column>
          <Column style={{ ...cell, textAlign: "right", fontWeight: 700 }}>
            {formatDigestValue(kpi.key, kpi.current, figures.currency, locale)}
          </Column>
          <Column style={{ ...cell, textAlign: "right", color: "#6b7280" }}>
            {formatDigestValue(kpi.key, kpi.previous, figures.currency, locale)}
          </Column>
        </Row>
      ))}
      <Text style={{ fontSize: "16px", fontWeight: 700, margin: "24px 0 8px" }}>
        {t("needsAttention")}
      </Text>
      {waiting.length === 0 ? (
        <Text style={cell}>{t("allClear")}</Text>
      ) : (
        waiting.map((item) => (
          <Text key={item.key} style={cell}>
            <Link href={item.url}>
              {t(item.key)}: {new Intl.NumberFormat(locale).format(item.count)}
            </Link>
          </Text>
        ))
      )}
    </Section>
  );
}
