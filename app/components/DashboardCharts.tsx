import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useState } from "react";
import { formatMinor } from "./format";

interface Day {
  day: string;
  orders: number;
  netRevenue: number;
  nps: number | null;
  onTimeRate: number | null;
}

/**
 * The dashboard's daily charts (polaris-viz). They measure the page, so they render in the
 * browser only; the server sends the same one-line summary in their place, and each chart carries
 * a label for screen readers (the tables below and the CSV hold the figures).
 */
export function DashboardCharts({
  days,
  currency,
  titles,
}: {
  days: Day[];
  currency: string;
  titles: { orders: string; nps: string; onTime: string };
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const summary = `${days.length} days, ${days[0]?.day ?? ""} – ${days.at(-1)?.day ?? ""}`;
  const points = (pick: (day: Day) => number | null) =>
    days.map((day) => ({ key: day.day.slice(5), value: pick(day) }));
  const chart = (title: string, body: JSX.Element) => (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        <div style={{ height: 200 }} role="img" aria-label={`${title}, ${summary}`}>
          {mounted ? (
            <PolarisVizProvider>{body}</PolarisVizProvider>
          ) : (
            <Text as="p" tone="subdued">
              {summary}
            </Text>
          )}
        </div>
      </BlockStack>
    </Card>
  );
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
      {chart(
        titles.orders,
        <BarChart
          theme="Light"
          data={[{ name: `${currency}`, data: points((day) => day.netRevenue) }]}
          yAxisOptions={{ labelFormatter: (value) => formatMinor(Number(value ?? 0), currency) }}
        />,
      )}
      {chart(
        titles.nps,
        <LineChart theme="Light" data={[{ name: "NPS", data: points((day) => day.nps) }]} />,
      )}
      {chart(
        titles.onTime,
        <LineChart
          theme="Light"
          data={[
            {
              name: titles.onTime,
              data: points((day) =>
                day.onTimeRate === null ? null : Math.round(day.onTimeRate * 100),
              ),
            },
          ]}
          yAxisOptions={{ labelFormatter: (value) => `${value ?? 0}%` }}
        />,
      )}
    </InlineGrid>
  );
}
