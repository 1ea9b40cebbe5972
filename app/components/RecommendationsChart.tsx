import { BlockStack, InlineGrid, Text } from "@shopify/polaris";
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useState } from "react";
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
export function PerformanceChart({ days, currency }: { days: Day[]; currency: string }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const series = (name: string, pick: (day: Day) => number) => ({
    name,
    data: days.map((day) => ({ key: day.day.slice(5), value: pick(day) })),
  });
  const summary = `${days.length} days from ${days[0]?.day ?? ""} to ${days.at(-1)?.day ?? ""}`;
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
            Impressions and clicks
          </Text>
          <div style={{ height: 220 }} aria-label={`Impressions and clicks, ${summary}`} role="img">
            <LineChart
              theme="Light"
              data={[
                series("Impressions", (day) => day.impressions),
                series("Clicks", (day) => day.clicks),
              ]}
            />
          </div>
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Attributed revenue
          </Text>
          <div
            style={{ height: 220 }}
            aria-label={`Attributed revenue in ${currency}, ${summary}`}
            role="img"
          >
            <BarChart
              theme="Light"
              data={[
                series(
                  `Revenue (${currency})`,
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
