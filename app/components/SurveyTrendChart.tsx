import { BlockStack } from "@shopify/polaris";
import { ComboChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useState } from "react";
import type { SurveyTranslate } from "../surveys/admin-messages";
import type { surveyTrends } from "../surveys/queries.server";

/** Read by screen readers, not shown (Polaris's own visually-hidden rule). */
const VISUALLY_HIDDEN = {
  position: "absolute",
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

type Series = Awaited<ReturnType<typeof surveyTrends>>["nps"];

/**
 * The score by week (line) over the number of answers it stands on (bars, second axis): merchants
 * see the trend and how much to trust each week. The same figures are in a table for screen
 * readers, which cannot read the chart.
 */
export function TrendChart({
  series,
  label,
  unit,
  t,
}: {
  series: Series;
  label: string;
  unit: string;
  t: SurveyTranslate;
}) {
  // Polaris Viz measures the browser while it renders: drawn after hydration, in a box of its
  // final size from the first paint so nothing shifts.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  return (
    <BlockStack gap="100">
      <div style={{ height: 200 }} aria-hidden>
        {inBrowser ? (
          <PolarisVizProvider>
            <ComboChart
              isAnimated={false}
              showLegend
              xAxisOptions={{ labelFormatter: (week) => String(week).slice(5) }}
              data={[
                {
                  shape: "Bar",
                  name: t("chartAnswers"),
                  yAxisOptions: { integersOnly: true },
                  series: [
                    {
                      name: t("chartAnswers"),
                      data: series.points.map((point) => ({
                        key: point.week,
                        value: point.answers,
                      })),
                    },
                  ],
                },
                {
                  shape: "Line",
                  name: label,
                  yAxisOptions: { labelFormatter: (value) => `${value}${unit}` },
                  series: [
                    {
                      name: label,
                      data: series.points.map((point) => ({ key: point.week, value: point.value })),
                    },
                  ],
                },
              ]}
            />
          </PolarisVizProvider>
        ) : null}
      </div>
      <table style={VISUALLY_HIDDEN}>
        <caption>{t("chartByWeek", { label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chartWeekOf")}</th>
            <th scope="col">{label}</th>
            <th scope="col">{t("chartAnswers")}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((point) => (
            <tr key={point.week}>
              <th scope="row">{point.week}</th>
              <td>{point.value === null ? t("chartNoAnswers") : `${point.value}${unit}`}</td>
              <td>{point.answers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </BlockStack>
  );
}
