import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Page,
  Pagination,
  Select,
  Tabs,
  Text,
} from "@shopify/polaris";
import { useCsvExport } from "../components/download";
import { formatCount, formatDateTime } from "../components/format";
import { ListSearch } from "../components/ListSearch";
import { useShop } from "../components/ShopContext";
import { requireAdminShop } from "../shopify.server";
import { listShipments, parseShipmentFilter, shipmentCounts } from "../tracking/queries.server";
import { TAGS } from "../tracking/status";
import { negotiateLocale } from "../platform/i18n";
import { TAG_TONES } from "../tracking/labels";
import { shipmentLabel, shipmentMessages } from "../tracking/admin-messages";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseShipmentFilter(new URL(request.url).searchParams);
  const [shipments, counts] = await Promise.all([
    listShipments(shop, filter),
    shipmentCounts(shop),
  ]);
  return { shipments, counts, filter };
};

const TABS = [
  { id: "all", params: {} },
  { id: "attention", params: { attention: "any" } },
  { id: "InTransit", params: { tag: "InTransit" } },
  { id: "OutForDelivery", params: { tag: "OutForDelivery" } },
  { id: "Delivered", params: { tag: "Delivered" } },
  { id: "Exception", params: { tag: "Exception" } },
] as const;

export default function Shipments() {
  const { shipments, counts, filter } = useLoaderData<typeof loader>();
  const shop = useShop();
  const t = shipmentMessages(negotiateLocale([shop.locale]));
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const csvExport = useCsvExport(`/app/shipments/export?${searchParams.toString()}`, "shipments");

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setSearchParams(next);
  };

  const selectedTab = Math.max(
    0,
    TABS.findIndex((tab) =>
      tab.id === "attention"
        ? filter.attention === "any"
        : tab.id === "all"
          ? !filter.tag && !filter.attention
          : filter.tag === tab.id,
    ),
  );
  const tabCount = (id: string) =>
    id === "all" ? counts.total : id === "attention" ? counts.attention : (counts.byTag[id] ?? 0);
  const pages = Math.max(Math.ceil(shipments.total / shipments.pageSize), 1);
  const filtered = Boolean(filter.query || filter.tag || filter.carrier || filter.attention);

  return (
    <Page
      title={t("title")}
      subtitle={t("subtitle")}
      primaryAction={{ ...csvExport, disabled: shipments.total === 0 }}
      secondaryActions={[{ content: t("trackingSettings"), url: "/app/shipments/settings" }]}
    >
      <Card padding="0">
        <Tabs
          tabs={TABS.map((tab) => ({
            id: tab.id,
            content: `${t(`tab_${tab.id}`)} (${formatCount(tabCount(tab.id), shop.locale)})`,
            accessibilityLabel: t(`tab_${tab.id}`),
          }))}
          selected={selectedTab}
          onSelect={(index) => {
            const tab = TABS[index] ?? TABS[0];
            update({ tag: undefined, attention: undefined, ...tab.params });
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
              label={t("filterCarrier")}
              labelInline
              value={filter.carrier ?? ""}
              onChange={(value) => update({ carrier: value || undefined })}
              options={[
                { label: t("filterAll"), value: "" },
                ...counts.carriers.map((carrier) => ({
                  label: `${carrier.name} (${carrier.count})`,
                  value: carrier.code,
                })),
              ]}
            />
            <Select
              label={t("filterStatus")}
              labelInline
              value={filter.tag ?? ""}
              onChange={(value) => update({ tag: value || undefined })}
              options={[
                { label: t("filterAll"), value: "" },
                ...TAGS.map((tag) => ({ label: shipmentLabel(t, "tag_", tag), value: tag })),
              ]}
            />
          </InlineStack>
        </div>
        {shipments.rows.length === 0 ? (
          filtered ? (
            <EmptyState heading={t("noMatch")} image="">
              <p>{t("noMatchBody")}</p>
            </EmptyState>
          ) : (
            <EmptyState heading={t("noShipments")} image="">
              <p>{t("noShipmentsBody")}</p>
            </EmptyState>
          )
        ) : (
          <IndexTable
            resourceName={{ singular: t("shipmentSingular"), plural: t("shipmentPlural") }}
            itemCount={shipments.rows.length}
            selectable={false}
            headings={[
              { title: t("colOrder") },
              { title: t("colTrackingNumber") },
              { title: t("colStatus") },
              { title: t("colEstimate") },
              { title: t("colLastScan") },
              { title: t("colAttention") },
            ]}
          >
            {shipments.rows.map((row, index) => (
              <IndexTable.Row
                id={row.id}
                key={row.id}
                position={index}
                onClick={() => navigate(`/app/shipments/${row.id}`)}
              >
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    <Text as="span" fontWeight="semibold">
                      {row.orderName ?? "—"}
                    </Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {row.email ?? ""}
                    </Text>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    <Text as="span">{row.trackingNumber}</Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {row.carrierName ?? t("unknownCarrier")}
                    </Text>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={TAG_TONES[row.tag]}>{shipmentLabel(t, "tag_", row.tag)}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {row.deliveredAt
                    ? t("deliveredOn", {
                        date: formatDateTime(row.deliveredAt, shop.timezone, shop.locale),
                      })
                    : row.estimateLatest
                      ? formatWindow(
                          row.estimateEarliest,
                          row.estimateLatest,
                          shop.timezone,
                          shop.locale,
                        )
                      : "—"}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {formatDateTime(row.lastCheckpointAt, shop.timezone, shop.locale)}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {row.attentionReason ? (
                    <Badge tone="critical">
                      {shipmentLabel(t, "attention_", row.attentionReason)}
                    </Badge>
                  ) : null}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
        <div style={{ padding: 16, display: "flex", justifyContent: "center" }}>
          <Pagination
            hasPrevious={shipments.page > 1}
            onPrevious={() => update({ page: String(shipments.page - 1) })}
            hasNext={shipments.page < pages}
            onNext={() => update({ page: String(shipments.page + 1) })}
            label={t("pageOf", { page: shipments.page, pages })}
          />
        </div>
      </Card>
    </Page>
  );
}

function formatWindow(
  earliest: string | Date | null,
  latest: string | Date,
  timeZone: string,
  locale: string,
) {
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone });
  const end = day.format(new Date(latest));
  const start = earliest ? day.format(new Date(earliest)) : end;
  return start === end ? end : `${start} – ${end}`;
}
