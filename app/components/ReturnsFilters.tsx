import { InlineStack, Select, Tabs } from "@shopify/polaris";
import type { ReturnCounts, ReturnFilter, ReturnTab } from "../returns/admin.server";
import { reasonLabel } from "../returns/labels";
import { RESOLUTIONS } from "../returns/policy";
import { labelOf, returnsQueueMessages } from "../returns/queue-messages";
import { negotiateLocale } from "../platform/i18n";
import { formatCount } from "./format";
import { ListSearch } from "./ListSearch";
import { useShop } from "./ShopContext";

const TABS: (ReturnTab | "all")[] = [
  "all",
  "requested",
  "open",
  "in_transit",
  "received",
  "closed",
  "declined",
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
  const t = returnsQueueMessages(negotiateLocale([shop.locale]));
  const selectedTab = Math.max(
    0,
    TABS.findIndex((tab) => (tab === "all" ? !filter.tab : tab === filter.tab)),
  );
  return (
    <>
      <Tabs
        tabs={TABS.map((tab) => ({
          id: tab,
          content: `${t(`tab_${tab}`)} (${formatCount(
            tab === "all" ? counts.total : counts.byTab[tab],
            shop.locale,
          )})`,
          accessibilityLabel: t(`tab_${tab}`),
        }))}
        selected={selectedTab}
        onSelect={(index) => {
          const tab = TABS[index] ?? "all";
          update({ tab: tab === "all" ? undefined : tab });
        }}
      />
      <div style={{ padding: 12 }}>
        <InlineStack gap="300" wrap={false} blockAlign="end">
          <div style={{ flex: 1 }}>
            <ListSearch
              label={t("searchLabel")}
              placeholder={t("searchPlaceholder")}
              current={filter.query}
              onSearch={(query) => update({ query })}
            />
          </div>
          <Select
            label={t("filterResolution")}
            labelInline
            value={filter.resolution ?? ""}
            onChange={(value) => update({ resolution: value || undefined })}
            options={[
              { label: t("filterAll"), value: "" },
              ...RESOLUTIONS.map((resolution) => ({
                label: labelOf(t, "resolution_", resolution),
                value: resolution,
              })),
            ]}
          />
          <Select
            label={t("filterType")}
            labelInline
            value={filter.kind ?? ""}
            onChange={(value) => update({ kind: value || undefined })}
            options={[
              { label: t("filterAll"), value: "" },
              { label: t("typeReturns"), value: "return" },
              { label: t("typeWarranty"), value: "warranty" },
            ]}
          />
          <Select
            label={t("filterReason")}
            labelInline
            value={filter.reason ?? ""}
            onChange={(value) => update({ reason: value || undefined })}
            options={[
              { label: t("filterAll"), value: "" },
              ...counts.reasons.map((reason) => ({ label: reasonLabel(reason), value: reason })),
            ]}
          />
        </InlineStack>
      </div>
    </>
  );
}
