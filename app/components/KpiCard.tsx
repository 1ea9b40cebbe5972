import { Badge, BlockStack, Button, Card, InlineStack, Popover, Text } from "@shopify/polaris";
import { useState } from "react";

/**
 * One KPI: its value, a line of detail, the change against the previous period, and its
 * definition one click away. With no data, the card says what to switch on instead.
 */
export function KpiCard({
  label,
  value,
  detail,
  previous,
  change,
  definition,
  definitionLabel,
  empty,
}: {
  label: string;
  value: string | null;
  detail?: string;
  previous?: string;
  /** Fraction of the previous value; null when there is nothing to compare. */
  change?: { value: number | null; higherIsBetter: boolean; locale: string };
  definition: string;
  definitionLabel: string;
  empty?: string;
}) {
  const [open, setOpen] = useState(false);
  const trend =
    change && change.value !== null
      ? {
          text: new Intl.NumberFormat(change.locale, {
            style: "percent",
            maximumFractionDigits: 0,
            signDisplay: "exceptZero",
          }).format(change.value),
          good: change.value === 0 ? null : change.value > 0 === change.higherIsBetter,
        }
      : null;
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center" wrap={false}>
          <Text as="h3" variant="headingSm">
            {label}
          </Text>
          <Popover
            active={open}
            onClose={() => setOpen(false)}
            activator={
              <Button
                variant="plain"
                onClick={() => setOpen((was) => !was)}
                accessibilityLabel={`${definitionLabel} ${label}`}
                ariaExpanded={open}
              >
                ?
              </Button>
            }
          >
            <div style={{ padding: 16, maxWidth: 320 }}>
              <BlockStack gap="100">
                <Text as="p" fontWeight="semibold">
                  {definitionLabel}
                </Text>
                <Text as="p">{definition}</Text>
              </BlockStack>
            </div>
          </Popover>
        </InlineStack>
        {value === null ? (
          <Text as="p" tone="subdued">
            {empty}
          </Text>
        ) : (
          <>
            <InlineStack gap="200" blockAlign="center">
              <Text as="p" variant="headingLg">
                {value}
              </Text>
              {trend && (
                <Badge tone={trend.good === null ? undefined : trend.good ? "success" : "critical"}>
                  {trend.text}
                </Badge>
              )}
            </InlineStack>
            {detail && (
              <Text as="p" tone="subdued">
                {detail}
              </Text>
            )}
            {previous && (
              <Text as="p" variant="bodySm" tone="subdued">
                {previous}
              </Text>
            )}
          </>
        )}
      </BlockStack>
    </Card>
  );
}
