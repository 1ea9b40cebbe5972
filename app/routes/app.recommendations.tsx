import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
} from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  EmptyState,
  FormLayout,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  ProgressBar,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useCsvExport } from "../components/download";
import { PerformanceChart } from "../components/RecommendationsChart";
import { formatCount, formatDateTime, formatMinor } from "../components/format";
import { useShop } from "../components/ShopContext";
import { catalogImportProgress } from "../recommendations/bulk.server";
import { importCatalogFromShopify } from "../recommendations/jobs.server";
import { catalogTitles, searchCatalog } from "../recommendations/catalog.server";
import { recommendationPerformance } from "../recommendations/performance.server";
import {
  recommendationSettings,
  RecommendationSettingsSchema,
  saveRecommendationSettings,
} from "../recommendations/settings.server";
import { AdminApiError } from "../platform/shopify/admin-gateway.server";
import { requireAdminShop } from "../shopify.server";
import { getShop } from "../shops/shops.server";

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const query = new URL(request.url).searchParams.get("q")?.trim() ?? "";
  const [settings, record, progress] = await Promise.all([
    recommendationSettings(shop),
    getShop(shop),
    catalogImportProgress(shop),
  ]);
  const [performance, excluded, matches] = await Promise.all([
    recommendationPerformance(shop, {
      timeZone: record?.ianaTimezone ?? "UTC",
      currency: record?.currencyCode ?? "USD",
    }),
    catalogTitles(shop, settings.excludedProducts),
    query ? searchCatalog(shop, query) : Promise.resolve([]),
  ]);
  const titles = new Map(excluded.map((product) => [product.shopifyId, product.title]));
  return {
    settings,
    excludedProducts: settings.excludedProducts.map((productId) => ({
      productId,
      title: titles.get(productId) ?? `Product ${productId}`,
    })),
    performance,
    progress,
    query,
    matches,
  };
};

type ActionResult = { ok: boolean; error: string | null };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "import") {
    try {
      await importCatalogFromShopify(shop);
    } catch (error) {
      if (!(error instanceof AdminApiError)) throw error;
      return Response.json({ ok: false, error: error.message } satisfies ActionResult, {
        status: 502,
      });
    }
    return Response.json({ ok: true, error: null } satisfies ActionResult);
  }
  const current = await recommendationSettings(shop);
  const productId = String(form.get("productId") ?? "");
  const fields =
    intent === "exclude" || intent === "include"
      ? {
          ...current,
          excludedTags: current.excludedTags.join(","),
          offerCode: current.offerCode ?? "",
          excludedProducts: (intent === "exclude"
            ? [...current.excludedProducts, productId]
            : current.excludedProducts.filter((id) => id !== productId)
          ).join(","),
        }
      : {
          maxShown: form.get("maxShown"),
          excludedTags: String(form.get("excludedTags") ?? ""),
          excludedProducts: current.excludedProducts.join(","),
          attributionDays: form.get("attributionDays"),
          offerCode: String(form.get("offerCode") ?? ""),
        };
  const parsed = RecommendationSettingsSchema.safeParse(fields);
  if (!parsed.success) {
    return Response.json(
      {
        ok: false,
        error: parsed.error.issues.map((issue) => issue.message).join("; "),
      } satisfies ActionResult,
      { status: 400 },
    );
  }
  await saveRecommendationSettings(shop, parsed.data);
  return Response.json({ ok: true, error: null } satisfies ActionResult);
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Recommendations() {
  const { performance, settings, progress } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const shop = useShop();
  const csvExport = useCsvExport("/app/recommendations/export", "recommendations");
  const { totals } = performance;
  const inShopCurrency = totals.revenue.find((entry) => entry.currency === shop.currency);
  const otherCurrencies = totals.revenue.filter((entry) => entry.currency !== shop.currency);
  const figures = [
    ["Impressions", formatCount(totals.impressions, shop.locale)],
    ["Clicks", formatCount(totals.clicks, shop.locale)],
    ["Click-through rate", totals.ctr === null ? "—" : `${totals.ctr} %`],
    ["Attributed orders", formatCount(totals.orders, shop.locale)],
    ["Attributed revenue", formatMinor(inShopCurrency?.revenue ?? 0, shop.currency, shop.locale)],
  ] as const;
  return (
    <Page
      title="Recommendations"
      subtitle={`"You may also like" on the thank-you page: what it showed, what was clicked, and the orders that followed within ${settings.attributionDays} days`}
      primaryAction={csvExport}
    >
      <Layout>
        {result?.error ? (
          <Layout.Section>
            <Banner tone="critical" title="Not saved">
              <p>{result.error}</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                Last 30 days
              </Text>
              <InlineGrid columns={{ xs: 2, md: 5 }} gap="400">
                {figures.map(([label, value]) => (
                  <BlockStack key={label} gap="100">
                    <Text as="p" tone="subdued">
                      {label}
                    </Text>
                    <Text as="p" variant="headingLg">
                      {value}
                    </Text>
                  </BlockStack>
                ))}
              </InlineGrid>
              {otherCurrencies.length ? (
                <BlockStack gap="100">
                  <Text as="h3" variant="headingSm">
                    Attributed revenue in other currencies
                  </Text>
                  <List>
                    {otherCurrencies.map((entry) => (
                      <List.Item key={entry.currency}>
                        {formatMinor(entry.revenue, entry.currency, shop.locale)} from{" "}
                        {formatCount(entry.orders, shop.locale)}{" "}
                        {entry.orders === 1 ? "order" : "orders"}
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
              ) : null}
              {totals.impressions === 0 ? (
                <Text as="p" tone="subdued">
                  Nothing shown yet. Add the “Recommendations and NPS” block to your thank-you page
                  in the checkout editor; its impressions and clicks appear here.
                </Text>
              ) : (
                <PerformanceChart days={performance.days} currency={shop.currency} />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <TopProducts products={performance.topProducts} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SettingsCard />
            <ExclusionsCard />
            <ImportCard progress={progress} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function TopProducts({ products }: { products: LoaderData["performance"]["topProducts"] }) {
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
  revenue: LoaderData["performance"]["totals"]["revenue"],
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

function SettingsCard() {
  const { settings } = useLoaderData<typeof loader>();
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

function ExclusionsCard() {
  const { excludedProducts, matches, query, settings } = useLoaderData<typeof loader>();
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
function ImportCard({ progress }: { progress: LoaderData["progress"] }) {
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
