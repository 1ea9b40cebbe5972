import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, InlineGrid, Layout, List, Page, Text } from "@shopify/polaris";
import { useCsvExport } from "../components/download";
import { PerformanceChart } from "../components/RecommendationsChart";
import { formatCount, formatMinor } from "../components/format";
import {
  ExclusionsCard,
  ImportCard,
  SettingsCard,
  SurfacesTable,
  TopProducts,
} from "../components/RecommendationsCards";
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
import { negotiateLocale } from "../platform/i18n";
import { recommendationMessages, settingsIssue } from "../recommendations/admin-messages";
import { requireAdminShop } from "../shopify.server";
import { adminLocale, getShop } from "../shops/shops.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

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
  const t = recommendationMessages(negotiateLocale([record?.primaryLocale]));
  return {
    settings,
    excludedProducts: settings.excludedProducts.map((productId) => ({
      productId,
      title: titles.get(productId) ?? t("productFallback", { id: productId }),
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
  const form = await readForm(request, BODY_LIMITS.adminForm);
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
    const t = recommendationMessages(await adminLocale(shop));
    return Response.json(
      {
        ok: false,
        error: parsed.error.issues
          .map((issue) => settingsIssue(t, issue.path[0] ?? "", issue.message))
          .join(" "),
      } satisfies ActionResult,
      { status: 400 },
    );
  }
  await saveRecommendationSettings(shop, parsed.data);
  return Response.json({ ok: true, error: null } satisfies ActionResult);
};

export default function Recommendations() {
  const { performance, settings, progress, excludedProducts, matches, query } =
    useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const shop = useShop();
  const t = recommendationMessages(negotiateLocale([shop.locale]));
  const csvExport = useCsvExport("/app/recommendations/export", "recommendations");
  const { totals } = performance;
  const inShopCurrency = totals.revenue.find((entry) => entry.currency === shop.currency);
  const otherCurrencies = totals.revenue.filter((entry) => entry.currency !== shop.currency);
  const figures = [
    [t("impressions"), formatCount(totals.impressions, shop.locale)],
    [t("clicks"), formatCount(totals.clicks, shop.locale)],
    [t("clickThroughRate"), totals.ctr === null ? "—" : `${totals.ctr} %`],
    [t("attributedOrders"), formatCount(totals.orders, shop.locale)],
    [t("attributedRevenue"), formatMinor(inShopCurrency?.revenue ?? 0, shop.currency, shop.locale)],
  ] as const;
  return (
    <Page
      title={t("title")}
      subtitle={t("subtitle", { days: settings.attributionDays })}
      primaryAction={{ ...csvExport, content: t("exportCsv") }}
    >
      <Layout>
        {result?.error ? (
          <Layout.Section>
            <Banner tone="critical" title={t("notSaved")}>
              <p>{result.error}</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                {t("last30Days")}
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
                    {t("otherCurrencies")}
                  </Text>
                  <List>
                    {otherCurrencies.map((entry) => (
                      <List.Item key={entry.currency}>
                        {t(entry.orders === 1 ? "revenueFromOneOrder" : "revenueFromOrders", {
                          amount: formatMinor(entry.revenue, entry.currency, shop.locale),
                          orders: formatCount(entry.orders, shop.locale),
                        })}
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
              ) : null}
              {totals.impressions === 0 ? (
                <Text as="p" tone="subdued">
                  {t("nothingShown")}
                </Text>
              ) : (
                <PerformanceChart days={performance.days} currency={shop.currency} t={t} />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <SurfacesTable surfaces={performance.surfaces} t={t} />
            <TopProducts products={performance.topProducts} t={t} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SettingsCard settings={settings} t={t} />
            <ExclusionsCard
              excludedProducts={excludedProducts}
              matches={matches}
              query={query}
              settings={settings}
              t={t}
            />
            <ImportCard progress={progress} t={t} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
