import { Badge, BlockStack, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { useNavigate } from "@remix-run/react";
import { negotiateLocale } from "../platform/i18n";
import { STATUS_TONES } from "../returns/labels";
import { labelOf, returnsQueueMessages } from "../returns/queue-messages";
import { formatCount, formatMinor } from "./format";
import type { ReturnsBulk } from "./ReturnsBulkActions";
import { useShop } from "./ShopContext";

export interface ReturnsQueueRow {
  id: string;
  orderName: string;
  email: string | null;
  kind: string;
  status: string;
  items: number;
  titles: string[];
  resolutions: string[];
  totalAmount: number;
  currency: string;
  ageDays: number;
}

/**
 * The queue's page of returns, selectable for bulk approve or decline; without rows it says
 * whether the filters hide them or no shopper has asked yet (and where shoppers ask).
 */
export function ReturnsTable({
  rows,
  bulk,
  filtered,
  portalUrl,
}: {
  rows: ReturnsQueueRow[];
  bulk: ReturnsBulk;
  filtered: boolean;
  portalUrl: string;
}) {
  const shop = useShop();
  const t = returnsQueueMessages(negotiateLocale([shop.locale]));
  const navigate = useNavigate();
  const { selectedResources, allResourcesSelected, handleSelectionChange } = bulk.selection;
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState heading={t("noMatch")} image="">
        <p>{t("noMatchBody")}</p>
      </EmptyState>
    ) : (
      <EmptyState
        heading={t("noReturns")}
        image=""
        action={{ content: t("setUpPolicy"), url: "/app/returns/settings" }}
      >
        <p>{t("noReturnsBody", { portal: portalUrl })}</p>
      </EmptyState>
    );
  }
  return (
    <IndexTable
      resourceName={{ singular: t("returnSingular"), plural: t("returnPlural") }}
      itemCount={rows.length}
      selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
      onSelectionChange={handleSelectionChange}
      promotedBulkActions={[
        { content: t("approve"), onAction: () => bulk.submit("approve") },
        { content: t("decline"), onAction: () => bulk.setDeclining(true) },
      ]}
      headings={[
        { title: t("colOrder") },
        { title: t("colStatus") },
        { title: t("colItems") },
        { title: t("colResolution") },
        { title: t("colAmount"), alignment: "end" },
        { title: t("colAge") },
      ]}
    >
      {rows.map((row, index) => (
        <IndexTable.Row
          id={row.id}
          key={row.id}
          position={index}
          selected={selectedResources.includes(row.id)}
          onClick={() => navigate(`/app/returns/${row.id}`)}
        >
          <IndexTable.Cell>
            <BlockStack gap="050">
              <Text as="span" fontWeight="semibold">
                {row.orderName}
                {row.kind === "warranty" ? ` · ${t("warrantyClaim")}` : ""}
              </Text>
              <Text as="span" tone="subdued" variant="bodySm">
                {row.email ?? ""}
              </Text>
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={STATUS_TONES[row.status]}>{labelOf(t, "status_", row.status)}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <BlockStack gap="050">
              <Text as="span">{formatCount(row.items, shop.locale)}</Text>
              <Text as="span" tone="subdued" variant="bodySm">
                {row.titles.join(", ")}
              </Text>
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.resolutions.map((resolution) => labelOf(t, "resolution_", resolution)).join(", ")}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {formatMinor(row.totalAmount, row.currency, shop.locale)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.ageDays === 0
              ? t("today")
              : t("ageDays", { n: formatCount(row.ageDays, shop.locale) })}
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
