import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  EmptyState,
  FormLayout,
  IndexTable,
  InlineStack,
  ProgressBar,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { catalogImportProgress } from "../recommendations/bulk.server";
import type { searchCatalog } from "../recommendations/catalog.server";
import type { recommendationPerformance } from "../recommendations/performance.server";
import type { recommendationSettings } from "../recommendations/settings.server";
import { surfaceLabel, type RecommendationTranslate } from "../recommendations/admin-messages";
import { formatCount, formatDateTime, formatMinor } from "./format";
import { useShop } from "./ShopContext";

/** The recommendations page's cards: top products, settings, exclusions and the catalog import. */

type Performance = Awaited<ReturnType<typeof recommendationPerformance>>;
type RecommendationSettings = Awaited<ReturnType<typeof recommendationSettings>>;
type Progress = Awaited<ReturnType<typeof catalogImportProgress>>;

/** Impressions, clicks, attributed orders and revenue per place recommendations are shown. */
export function SurfacesTable({
  surfaces,
  t,
}: {
  surfaces: Performance["surfaces"];
  t: RecommendationTranslate;
}) {
  const shop = useShop();
  const cells = (row: Performance["surfaces"][number]) => {
    const revenue = row.revenue.find((entry) => entry.currency === shop.currency)?.revenue ?? 0;
    return [
      formatCount(row.impressions, shop.locale),
      formatCount(row.clicks, shop.locale),
      row.ctr === null ? "—" : `${row.ctr} %`,
      formatCount(row.orders, shop.locale),
      formatMinor(revenue, shop.currency, shop.locale),
    ];
  };
  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: t("surfaceSingular"), plural: t("surfacePlural") }}
        itemCount={surfaces.length}
        selectable={false}
        headings={[{ title: t("colWhereShown") }, ...metricHeadings(t)]}
      >
        {surfaces.map((row, index) => (
          <IndexTable.Row id={row.surface} key={row.surface} position={index}>
            <IndexTable.Cell>{surfaceLabel(t, row.surface)}</IndexTable.Cell>
            {cells(row).map((value, cell) => (
              <IndexTable.Cell key={cell}>
                <Text as="span" alignment="end" numeric>
                  {value}
                </Text>
              </IndexTable.Cell>
            ))}
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

export function TopProducts({
  products,
  t,
}: {
  products: Performance["topProducts"];
  t: RecommendationTranslate;
}) {
  const shop = useShop();
  if (products.length === 0) {
    return (
      <Card>
        <EmptyState heading={t("noProducts")} image="">
          <p>{t("noProductsBody")}</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: t("productSingular"), plural: t("productPlural") }}
        itemCount={products.length}
        selectable={false}
        headings={[{ title: t("colTopProducts") }, ...metricHeadings(t)]}
      >
        {products.map((product, index) => (
          <IndexTable.Row id={product.productId} key={product.productId} position={index}>
            <IndexTable.Cell>{product.title}</IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {formatCount(product.impressions, shop.locale)}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {formatCount(product.clicks, shop.locale)}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {product.ctr === null ? "—" : `${product.ctr} %`}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {formatCount(product.orders, shop.locale)}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {formatRevenue(product.revenue, shop.currency, shop.locale)}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

/** Places and products are compared on the same figures, so both tables share these headings. */
function metricHeadings(t: RecommendationTranslate) {
  return (["impressions", "clicks", "ctr", "orders", "revenue"] as const).map((key) => ({
    title: t(key),
    alignment: "end" as const,
  }));
}

/**
 * A product's revenue in each currency it was credited in, side by side and the shop's first
 * (amounts in different currencies cannot be added); the shop's currency at zero when there is
 * none.
 */
function formatRevenue(
  revenue: Performance["totals"]["revenue"],
  shopCurrency: string,
  locale: string,
) {
  const credited = revenue.filter((entry) => entry.orders > 0);
  const shown = credited.length
    ? credited
    : revenue.filter((entry) => entry.currency === shopCurrency);
  return shown
    .sort((a, b) => Number(b.currency === shopCurrency) - Number(a.currency === shopCurrency))
    .map((entry) => formatMinor(entry.revenue, entry.currency, locale))
    .join(" · ");
}

export function SettingsCard({
  settings,
  t,
}: {
  settings: RecommendationSettings;
  t: RecommendationTranslate;
}) {
  const navigation = useNavigation();
  const [maxShown, setMaxShown] = useState(String(settings.maxShown));
  const [excludedTags, setExcludedTags] = useState(settings.excludedTags.join(", "));
  const [attributionDays, setAttributionDays] = useState(String(settings.attributionDays));
  const [offerCode, setOfferCode] = useState(settings.offerCode ?? "");
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="settings" />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            {t("settings")}
          </Text>
          <TextField
            label={t("maxShown")}
            name="maxShown"
            type="number"
            min={1}
            max={8}
            value={maxShown}
            onChange={setMaxShown}
            autoComplete="off"
          />
          <TextField
            label={t("excludedTags")}
            name="excludedTags"
            value={excludedTags}
            onChange={setExcludedTags}
            helpText={t("excludedTagsHelp")}
            autoComplete="off"
          />
          <TextField
            label={t("offerCode")}
            name="offerCode"
            value={offerCode}
            onChange={setOfferCode}
            helpText={t("offerCodeHelp")}
            autoComplete="off"
          />
          <TextField
            label={t("attributionDays")}
            name="attributionDays"
            type="number"
            min={1}
            max={30}
            value={attributionDays}
            onChange={setAttributionDays}
            helpText={t("attributionDaysHelp")}
            autoComplete="off"
          />
          <Button submit variant="primary" loading={navigation.state === "submitting"}>
            {t("save")}
          </Button>
        </FormLayout>
      </Form>
    </Card>
  );
}

export function ExclusionsCard({
  excludedProducts,
  matches,
  query,
  settings,
  t,
}: {
  excludedProducts: { productId: string; title: string }[];
  matches: Awaited<ReturnType<typeof searchCatalog>>;
  query: string;
  settings: RecommendationSettings;
  t: RecommendationTranslate;
}) {
  const [search, setSearch] = useState(query);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("excludedProducts")}
        </Text>
        {excludedProducts.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("noExclusions")}
          </Text>
        ) : (
          excludedProducts.map((product) => (
            <Form method="post" key={product.productId}>
              <input type="hidden" name="intent" value="include" />
              <input type="hidden" name="productId" value={product.productId} />
              <InlineStack align="space-between" blockAlign="center">
                <Text as="span">{product.title}</Text>
                <Button
                  submit
                  variant="plain"
                  accessibilityLabel={t("includeAgain", { title: product.title })}
                >
                  {t("remove")}
                </Button>
              </InlineStack>
            </Form>
          ))
        )}
        <Form method="get">
          <InlineStack gap="200" blockAlign="end" wrap={false}>
            <TextField
              label={t("searchProducts")}
              name="q"
              value={search}
              onChange={setSearch}
              autoComplete="off"
            />
            <Button submit>{t("search")}</Button>
          </InlineStack>
        </Form>
        {query && matches.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("noProductMatch", { query })}
          </Text>
        ) : null}
        {matches
          .filter((product) => !settings.excludedProducts.includes(product.shopifyId))
          .map((product) => (
            <Form method="post" key={product.shopifyId}>
              <input type="hidden" name="intent" value="exclude" />
              <input type="hidden" name="productId" value={product.shopifyId} />
              <InlineStack align="space-between" blockAlign="center">
                <Text as="span">{product.title}</Text>
                <Button
                  submit
                  variant="plain"
                  accessibilityLabel={t("excludeProduct", { title: product.title })}
                >
                  {t("exclude")}
                </Button>
              </InlineStack>
            </Form>
          ))}
      </BlockStack>
    </Card>
  );
}

/** While an import runs, the page reloads its data every second to move the bar. */
export function ImportCard({ progress, t }: { progress: Progress; t: RecommendationTranslate }) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const shop = useShop();
  const active = progress?.status === "running" || progress?.status === "importing";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
  const describe = () => {
    if (!progress) return t("importIdle");
    const count = (value: number) => formatCount(value, shop.locale);
    switch (progress.status) {
      case "running":
        return t("importRunning", { count: count(progress.objectCount) });
      case "importing":
        return t("importImporting", {
          imported: count(progress.imported),
          total: count(progress.total),
        });
      case "completed":
        return t("importCompleted", {
          total: count(progress.total),
          date: formatDateTime(progress.finishedAt!, shop.timezone, shop.locale),
        });
      default:
        return t("importFailed", { error: progress.error ?? t("unknownError") });
    }
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("catalog")}
        </Text>
        <Text as="p">{describe()}</Text>
        {progress ? (
          <div role="status" aria-label={t("importProgress", { percent: progress.percent })}>
            <ProgressBar
              progress={progress.percent}
              tone={progress.status === "failed" ? "critical" : "primary"}
            />
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="import" />
          <Button submit disabled={active} loading={navigation.state === "submitting"}>
            {t("importCatalog")}
          </Button>
        </Form>
      </BlockStack>
    </Card>
  );
}
