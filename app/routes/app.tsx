import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import polarisDe from "@shopify/polaris/locales/de.json";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisEs from "@shopify/polaris/locales/es.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import { AppBridgeMissingBanner } from "../components/AppBridgeMissingBanner";
import { navMessages } from "../components/nav-messages";
import { ShopProvider } from "../components/ShopContext";
import { config } from "../config.server";
import { requireAdminShop } from "../shopify.server";
import { negotiateLocale, type ShopperLocale } from "../platform/i18n";
import { getShop } from "../shops/shops.server";

/** Polaris's own words (pagination, filters, banners' close buttons) in the admin's language. */
const POLARIS_TRANSLATIONS: Record<ShopperLocale, typeof polarisEn> = {
  en: polarisEn,
  fr: polarisFr,
  de: polarisDe,
  es: polarisEs,
};

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const record = await getShop(shop);
  const locale = record?.primaryLocale ?? "en";
  return {
    apiKey: config().SHOPIFY_API_KEY,
    // The library honours APP_BRIDGE_URL on the server; the page's script tag must match.
    appBridgeUrl: process.env.APP_BRIDGE_URL || undefined,
    shop: {
      domain: shop,
      name: record?.name ?? shop,
      timezone: record?.ianaTimezone ?? "UTC",
      currency: record?.currencyCode ?? "USD",
      locale,
    },
    // Only the shop's language goes to the browser.
    polarisTranslations: POLARIS_TRANSLATIONS[negotiateLocale([locale])],
  };
};

export default function AdminLayout() {
  const { apiKey, appBridgeUrl, shop, polarisTranslations } = useLoaderData<typeof loader>();
  const t = navMessages(negotiateLocale([shop.locale]));
  return (
    <AppProvider
      isEmbeddedApp
      apiKey={apiKey}
      __APP_BRIDGE_URL={appBridgeUrl}
      i18n={polarisTranslations}
    >
      <NavMenu>
        <Link to="/app" rel="home">
          {t("home")}
        </Link>
        <Link to="/app/customers">{t("customers")}</Link>
        <Link to="/app/shipments">{t("shipments")}</Link>
        <Link to="/app/notifications">{t("notifications")}</Link>
        <Link to="/app/recommendations">{t("recommendations")}</Link>
        <Link to="/app/surveys">{t("surveys")}</Link>
        <Link to="/app/returns">{t("returns")}</Link>
        <Link to="/app/loyalty">{t("loyalty")}</Link>
        <Link to="/app/experiments">{t("experiments")}</Link>
        <Link to="/app/support/articles">{t("helpCenter")}</Link>
        <Link to="/app/support/inbox">{t("supportInbox")}</Link>
        <Link to="/app/operations">{t("operations")}</Link>
        <Link to="/app/settings">{t("settings")}</Link>
      </NavMenu>
      <AppBridgeMissingBanner />
      <ShopProvider value={shop}>
        <Outlet />
      </ShopProvider>
    </AppProvider>
  );
}

// Shopify needs the library's boundary to run its auth redirects inside the admin.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
