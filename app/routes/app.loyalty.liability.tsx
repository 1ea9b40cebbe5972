import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineGrid, Page, Text } from "@shopify/polaris";
import { useCsvExport } from "../components/download";
import { FigureCard } from "../components/FigureCard";
import { formatCount, formatMinor } from "../components/format";
import { useShop } from "../components/ShopContext";
import { liabilityReport } from "../loyalty/admin.server";
import { loyaltyMessages } from "../loyalty/admin-messages";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return { report: await liabilityReport(shop) };
};

export default function LoyaltyLiability() {
  const { report } = useLoaderData<typeof loader>();
  const shop = useShop();
  const t = loyaltyMessages(negotiateLocale([shop.locale]));
  const csvExport = useCsvExport("/app/loyalty/liability/export", "loyalty-liability");
  const count = (value: number) => formatCount(value, shop.locale);
  return (
    <Page
      backAction={{ content: t("title"), url: "/app/loyalty" }}
      title={t("liabilityTitle")}
      subtitle={t("liabilitySubtitle")}
      primaryAction={{ ...csvExport, content: t("exportCsv") }}
    >
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, md: 4 }} gap="400">
          <FigureCard
            title={t("outstandingLiability")}
            value={formatMinor(report.liability, report.currency, shop.locale)}
            note={t("spendableNote", { points: count(report.spendable) })}
          />
          <FigureCard
            title={t("pending")}
            value={formatMinor(report.pendingLiability, report.currency, shop.locale)}
            note={t("pendingNote", { points: count(report.pending) })}
          />
          <FigureCard
            title={t("rewardRevenue")}
            value={formatMinor(report.rewardRevenue, report.currency, shop.locale)}
            note={t("rewardOrdersNote", { orders: count(report.rewardOrders) })}
          />
          <FigureCard
            title={t("pointValue")}
            value={t("pointValuePer100", {
              value: formatMinor(Math.round(report.pointValue * 100), report.currency, shop.locale),
            })}
            note={t("pointValueNote")}
          />
        </InlineGrid>
        <Card padding="0">
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
            headings={[
              t("colMonth"),
              t("colIssued"),
              t("colReversed"),
              t("colRedeemed"),
              t("colExpired"),
              t("colAdjusted"),
            ]}
            rows={report.months.map((month) => [
              month.month,
              count(month.issued),
              count(month.reversed),
              count(month.redeemed),
              count(month.expired),
              count(month.adjusted),
            ])}
          />
        </Card>
        <Text as="p" tone="subdued">
          {t("liabilityHelp")}
        </Text>
      </BlockStack>
    </Page>
  );
}
