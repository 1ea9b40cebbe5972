import { Card, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

/** A headline figure: what it counts, the figure, and a line of context under it. */
export function FigureCard({
  title,
  value,
  note,
  critical = false,
}: {
  title: string;
  value: ReactNode;
  note?: ReactNode;
  /** The figure is a problem (a negative balance): shown in the critical tone. */
  critical?: boolean;
}) {
  return (
    <Card>
      <Text as="h2" variant="headingSm">
        {title}
      </Text>
      <Text as="p" variant="headingLg" tone={critical ? "critical" : undefined}>
        {value}
      </Text>
      {note ? (
        <Text as="p" tone="subdued">
          {note}
        </Text>
      ) : null}
    </Card>
  );
}
