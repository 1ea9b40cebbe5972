import { BlockStack, Button, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { useCsvExport } from "./download";

/**
 * A titled table with its own CSV export, an optional summary line under it, and a sentence in
 * place of an empty table.
 */
export function ExportableTable({
  title,
  headings,
  rows,
  numeric,
  exportUrl,
  exportName,
  exportLabel,
  empty,
  footer,
}: {
  title: string;
  headings: string[];
  rows: (string | number)[][];
  /** Which columns are numbers (right-aligned). */
  numeric: boolean[];
  exportUrl: string;
  exportName: string;
  exportLabel: string;
  empty: string;
  footer?: string;
}) {
  const csv = useCsvExport(exportUrl, exportName);
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          <Button
            onClick={csv.onAction}
            loading={csv.loading}
            accessibilityLabel={`${exportLabel}: ${title}`}
          >
            {exportLabel}
          </Button>
        </InlineStack>
        {rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {empty}
          </Text>
        ) : (
          <>
            <DataTable
              columnContentTypes={numeric.map((isNumber) => (isNumber ? "numeric" : "text"))}
              headings={headings}
              rows={rows}
            />
            {footer && (
              <Text as="p" tone="subdued">
                {footer}
              </Text>
            )}
          </>
        )}
      </BlockStack>
    </Card>
  );
}

/** A CSV download of one of the app's routes (the session token travels with App Bridge's fetch). */
export function ExportButton({ url, name, label }: { url: string; name: string; label: string }) {
  const csv = useCsvExport(url, name);
  return (
    <Button variant="plain" onClick={csv.onAction} loading={csv.loading}>
      {label}
    </Button>
  );
}
