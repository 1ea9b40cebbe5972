import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineGrid, Page, Text } from "@shopify/polaris";
import { useCsvExport } from "../components/download";
import { formatCount, formatMinor } from "../components/format";
import { useShop } from "../components/ShopContext";
import { liabilityReport } from "../loyalty/admin.server";
import { requireAdminShop } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return { report: await liabilityReport(shop) };
};

export default function LoyaltyLiability() {
  const { report } = useLoaderData<typeof loader>();
  const shop = useShop();
  const csvExport = useCsvExport("/app/loyalty/liability/export", "loyalty-liability");
  const count = (value: number) => formatCount(value, shop.locale);
  return (
    <Page
      backAction={{ content: "Loyalty", url: "/app/loyalty" }}
      title="Points liability"
      subtitle="What outstanding points are worth, and how points moved month by month"
      primaryAction={csvExport}
    >
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, md: 4 }} gap="400">
          <Card>
            <Text as="h2" variant="headingSm">
              Outstanding liability
            </Text>
            <Text as="p" variant="headingLg">
              {formatMinor(report.liability, report.currency, shop.locale)}
            </Text>
            <Text as="p" tone="subdued">
              {count(report.spendable)} spendable points
            </Text>
          </Card>
          <Card>
            <Text as="h2" variant="headingSm">
              Pending
            </Text>
            <Text as="p" variant="headingLg">
              {formatMinor(report.pendingLiability, report.currency, shop.locale)}
            </Text>
            <Text as="p" tone="subdued">
              {count(report.pending)} points inside a return window
            </Text>
          </Card>
          <Card>
            <Text as="h2" variant="headingSm">
              Revenue from orders that redeemed
            </Text>
            <Text as="p" variant="headingLg">
              {formatMinor(report.rewardRevenue, report.currency, shop.locale)}
            </Text>
            <Text as="p" tone="subdued">
              {count(report.rewardOrders)} orders used a reward code in 12 months
            </Text>
          </Card>
          <Card>
            <Text as="h2" variant="headingSm">
              Value of a point
            </Text>
            <Text as="p" variant="headingLg">
              {formatMinor(Math.round(report.pointValue * 100), report.currency, shop.locale)} per
              100
            </Text>
            <Text as="p" tone="subdued">
              The best value a fixed or store-credit reward gives
            </Text>
          </Card>
        </InlineGrid>
        <Card padding="0">
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
            headings={["Month", "Issued", "Reversed", "Redeemed", "Expired", "Adjusted"]}
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
          Issued: points earned on orders and bonuses. Reversed: taken back by refunds, returns and
          cancellations. Redeemed: spent on rewards (net of rewards Shopify refused). Liability
          counts spendable points at the value of a point; negative balances do not offset it.
        </Text>
      </BlockStack>
    </Page>
  );
}
