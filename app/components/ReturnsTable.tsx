import { Badge, BlockStack, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { useNavigate } from "@remix-run/react";
import { RESOLUTION_LABELS, STATUS_LABELS, STATUS_TONES, label } from "../returns/labels";
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
  const navigate = useNavigate();
  const { selectedResources, allResourcesSelected, handleSelectionChange } = bulk.selection;
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState heading="No returns match" image="">
        <p>Try another search or clear the filters.</p>
      </EmptyState>
    ) : (
      <EmptyState
        heading="No returns yet"
        image=""
        action={{ content: "Set up your return policy", url: "/app/returns/settings" }}
      >
        <p>
          Shoppers request returns on your store at {portalUrl} with their order number and email;
          each request appears here. Set your return window, resolutions and rules first, and test
          them on one of your orders.
        </p>
      </EmptyState>
    );
  }
  return (
    <IndexTable
      resourceName={{ singular: "return", plural: "returns" }}
      itemCount={rows.length}
      selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
      onSelectionChange={handleSelectionChange}
      promotedBulkActions={[
        { content: "Approve", onAction: () => bulk.submit("approve") },
        { content: "Decline", onAction: () => bulk.setDeclining(true) },
      ]}
      headings={[
        { title: "Order" },
        { title: "Status" },
        { title: "Items" },
        { title: "Resolution" },
        { title: "Amount", alignment: "end" },
        { title: "Age" },
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
                {row.kind === "warranty" ? " · Warranty claim" : ""}
              </Text>
              <Text as="span" tone="subdued" variant="bodySm">
                {row.email ?? ""}
              </Text>
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={STATUS_TONES[row.status]}>{label(STATUS_LABELS, row.status)}</Badge>
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
            {row.resolutions.map((resolution) => label(RESOLUTION_LABELS, resolution)).join(", ")}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {formatMinor(row.totalAmount, row.currency, shop.locale)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.ageDays === 0 ? "Today" : `${formatCount(row.ageDays, shop.locale)} d`}
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
