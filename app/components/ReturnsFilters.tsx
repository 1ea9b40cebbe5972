import { InlineStack, Select, Tabs } from "@shopify/polaris";
import type { ReturnCounts, ReturnFilter, ReturnTab } from "../returns/admin.server";
import { RESOLUTION_LABELS, reasonLabel } from "../returns/labels";
import { RESOLUTIONS } from "../returns/policy";
import { formatCount } from "./format";
import { ListSearch } from "./ListSearch";
import { useShop } from "./ShopContext";

const TABS: { id: ReturnTab | "all"; content: string }[] = [
  { id: "all", content: "All" },
  { id: "requested", content: "Requested" },
  { id: "open", content: "Open" },
  { id: "in_transit", content: "In transit" },
  { id: "received", content: "Received" },
  { id: "closed", content: "Closed" },
  { id: "declined", content: "Declined or cancelled" },
];

/** The returns queue's tabs with their counts, its search and its filters; each change goes to the URL. */
export function ReturnsFilters({
  filter,
  counts,
  update,
}: {
  filter: ReturnFilter;
  counts: ReturnCounts;
  update: (changes: Record<string, string | undefined>) => void;
}) {
  const shop = useShop();
  const selectedTab = Math.max(
    0,
    TABS.findIndex((tab) => (tab.id === "all" ? !filter.tab : tab.id === filter.tab)),
  );
  return (
    <>
      <Tabs
        tabs={TABS.map((tab) => ({
          id: tab.id,
          content: `${tab.content} (${formatCount(
            tab.id === "all" ? counts.total : counts.byTab[tab.id],
            shop.locale,
          )})`,
          accessibilityLabel: tab.content,
        }))}
        selected={selectedTab}
        onSelect={(index) => {
          const tab = TABS[index]?.id ?? "all";
          update({ tab: tab === "all" ? undefined : tab });
        }}
      />
      <div style={{ padding: 12 }}>
        <InlineStack gap="300" wrap={false} blockAlign="end">
          <div style={{ flex: 1 }}>
            <ListSearch
              label="Search returns"
              placeholder="Order number or email"
              current={filter.query}
              onSearch={(query) => update({ query })}
            />
          </div>
          <Select
            label="Resolution"
            labelInline
            value={filter.resolution ?? ""}
            onChange={(value) => update({ resolution: value || undefined })}
            options={[
              { label: "All", value: "" },
              ...RESOLUTIONS.map((resolution) => ({
                label: RESOLUTION_LABELS[resolution] ?? resolution,
                value: resolution,
              })),
            ]}
          />
          <Select
            label="Type"
            labelInline
            value={filter.kind ?? ""}
            onChange={(value) => update({ kind: value || undefined })}
            options={[
              { label: "All", value: "" },
              { label: "Returns", value: "return" },
              { label: "Warranty claims", value: "warranty" },
            ]}
          />
          <Select
            label="Reason"
            labelInline
            value={filter.reason ?? ""}
            onChange={(value) => update({ reason: value || undefined })}
            options={[
              { label: "All", value: "" },
              ...counts.reasons.map((reason) => ({ label: reasonLabel(reason), value: reason })),
            ]}
          />
        </InlineStack>
      </div>
    </>
  );
}
