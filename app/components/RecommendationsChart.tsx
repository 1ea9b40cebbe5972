import { BlockStack, InlineGrid, Text } from "@shopify/polaris";
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useState } from "react";
import type { RecommendationTranslate } from "../recommendations/admin-messages";
import { formatMinor } from "./format";

interface Day {
  day: string;
  impressions: number;
  clicks: number;
  orders: number;
  revenue: { currency: string; revenue: number }[];
}

/**
 * Recommendation performance by day (polaris-viz), revenue in the shop's currency (amounts in
 * other currencies are listed beside it, never added in). The charts measure the page, so they
 * render in the browser only; the server sends a one-line summary in their place.
 */
export function PerformanceChart({
  days,
  currency,
  t,
}: {
  days: Day[];
  currency: string;
  t: RecommendationTranslate;
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const series = (name: string, pick: (day: Day) => number) => ({
    name,
    data: days.map((day) => ({ key: day.day.slice(5), value: pick(day) })),
  });
  const summary = t("chartSummary", {
    days: days.length,
    from: days[0]?.day ?? "",
    to: days.at(-1)?.day ?? "",
  });
  if (!mounted) {
    return (
      <Text as="p" tone="subdued">
        {summary}
      </Text>
    );
  }
  return (
    <PolarisVizProvider>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("chartImpressionsAndClicks")}
          </Text>
          <div
            style={{ height: 220 }}
            aria-label={t("chartImpressionsAndClicksLabel", { summary })}
            role="img"
          >
            <LineChart
              theme="Light"
              data={[
                series(t("impressions"), (day) => day.impressions),
                series(t("clicks"), (day) => day.clicks),
              ]}
            />
          </div>
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("attributedRevenue")}
          </Text>
          <div
            style={{ height: 220 }}
            aria-label={t("chartRevenueLabel", { currency, summary })}
            role="img"
          >
            <BarChart
              theme="Light"
              data={[
                series(
                  t("chartRevenueSeries", { currency }),
                  (day) => day.revenue.find((entry) => entry.currency === currency)?.revenue ?? 0,
                ),
              ]}
              yAxisOptions={{
                labelFormatter: (value) => formatMinor(Number(value ?? 0), currency),
              }}
            />
          </div>
        </BlockStack>
      </InlineGrid>
    </PolarisVizProvider>
  );
}
