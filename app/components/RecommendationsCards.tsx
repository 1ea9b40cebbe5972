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
import { formatCount, formatDateTime, formatMinor } from "./format";
import { useShop } from "./ShopContext";

/** The recommendations page's cards: top products, settings, exclusions and the catalog import. */

type Performance = Awaited<ReturnType<typeof recommendationPerformance>>;
type RecommendationSettings = Awaited<ReturnType<typeof recommendationSettings>>;
type Progress = Awaited<ReturnType<typeof catalogImportProgress>>;

const SURFACE_LABELS: Record<string, string> = {
  thank_you: "Thank-you and order-status pages",
  tracking_page: "Tracking page",
  email: "Shipment emails",
};

/** Impressions, clicks, attributed orders and revenue per place recommendations are shown. */
export function SurfacesTable({ surfaces }: { surfaces: Performance["surfaces"] }) {
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
        resourceName={{ singular: "surface", plural: "surfaces" }}
        itemCount={surfaces.length}
        selectable={false}
        headings={[
          { title: "Where shown" },
          { title: "Impressions", alignment: "end" },
          { title: "Clicks", alignment: "end" },
          { title: "CTR", alignment: "end" },
          { title: "Orders", alignment: "end" },
          { title: "Revenue", alignment: "end" },
        ]}
      >
        {surfaces.map((row, index) => (
          <IndexTable.Row id={row.surface} key={row.surface} position={index}>
            <IndexTable.Cell>{SURFACE_LABELS[row.surface] ?? row.surface}</IndexTable.Cell>
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

export function TopProducts({ products }: { products: Performance["topProducts"] }) {
  const shop = useShop();
  if (products.length === 0) {
    return (
      <Card>
        <EmptyState heading="No recommended products yet" image="">
          <p>The products shoppers see most after buying will be ranked here.</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: "product", plural: "products" }}
        itemCount={products.length}
        selectable={false}
        headings={[
          { title: "Top recommended products" },
          { title: "Impressions", alignment: "end" },
          { title: "Clicks", alignment: "end" },
          { title: "CTR", alignment: "end" },
          { title: "Orders", alignment: "end" },
          { title: "Revenue", alignment: "end" },
        ]}
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

export function SettingsCard({ settings }: { settings: RecommendationSettings }) {
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
            Settings
          </Text>
          <TextField
            label="Products shown"
            name="maxShown"
            type="number"
            min={1}
            max={8}
            value={maxShown}
            onChange={setMaxShown}
            autoComplete="off"
          />
          <TextField
            label="Never recommend products tagged"
            name="excludedTags"
            value={excludedTags}
            onChange={setExcludedTags}
            helpText="Comma-separated. Products tagged aftercare-exclude are always left out."
            autoComplete="off"
          />
          <TextField
            label="Post-purchase offer code"
            name="offerCode"
            value={offerCode}
            onChange={setOfferCode}
            helpText="An existing discount code: “add to cart” applies it through Shopify's discount link. Leave empty for a plain cart link."
            autoComplete="off"
          />
          <TextField
            label="Attribution window (days)"
            name="attributionDays"
            type="number"
            min={1}
            max={30}
            value={attributionDays}
            onChange={setAttributionDays}
            helpText="An order by the same customer within this many days of a click counts for the recommendation."
            autoComplete="off"
          />
          <Button submit variant="primary" loading={navigation.state === "submitting"}>
            Save
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
}: {
  excludedProducts: { productId: string; title: string }[];
  matches: Awaited<ReturnType<typeof searchCatalog>>;
  query: string;
  settings: RecommendationSettings;
}) {
  const [search, setSearch] = useState(query);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Excluded products
        </Text>
        {excludedProducts.length === 0 ? (
          <Text as="p" tone="subdued">
            No product is excluded. Search your catalog to leave one out.
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
                  accessibilityLabel={`Recommend ${product.title} again`}
                >
                  Remove
                </Button>
              </InlineStack>
            </Form>
          ))
        )}
        <Form method="get">
          <InlineStack gap="200" blockAlign="end" wrap={false}>
            <TextField
              label="Search products"
              name="q"
              value={search}
              onChange={setSearch}
              autoComplete="off"
            />
            <Button submit>Search</Button>
          </InlineStack>
        </Form>
        {query && matches.length === 0 ? (
          <Text as="p" tone="subdued">
            No product matches “{query}”.
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
                <Button submit variant="plain" accessibilityLabel={`Exclude ${product.title}`}>
                  Exclude
                </Button>
              </InlineStack>
            </Form>
          ))}
      </BlockStack>
    </Card>
  );
}

/** While an import runs, the page reloads its data every second to move the bar. */
export function ImportCard({ progress }: { progress: Progress }) {
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
    if (!progress) return "Products arrive as they change in Shopify; import them all at once.";
    switch (progress.status) {
      case "running":
        return `Shopify is preparing the catalog (${formatCount(progress.objectCount, shop.locale)} objects so far)…`;
      case "importing":
        return `Importing ${formatCount(progress.imported, shop.locale)} of ${formatCount(progress.total, shop.locale)} products…`;
      case "completed":
        return `${formatCount(progress.total, shop.locale)} products imported ${formatDateTime(progress.finishedAt!, shop.timezone, shop.locale)}.`;
      default:
        return `The import failed: ${progress.error ?? "unknown error"}.`;
    }
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Catalog
        </Text>
        <Text as="p">{describe()}</Text>
        {progress ? (
          <div role="status" aria-label={`Catalog import ${progress.percent} percent`}>
            <ProgressBar
              progress={progress.percent}
              tone={progress.status === "failed" ? "critical" : "primary"}
            />
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="import" />
          <Button submit disabled={active} loading={navigation.state === "submitting"}>
            Import catalog from Shopify
          </Button>
        </Form>
      </BlockStack>
    </Card>
  );
}
