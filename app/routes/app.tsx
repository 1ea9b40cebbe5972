import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { AppBridgeMissingBanner } from "../components/AppBridgeMissingBanner";
import { ShopProvider } from "../components/ShopContext";
import { config } from "../config.server";
import { requireAdminShop } from "../shopify.server";
import { getShop } from "../shops/shops.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const record = await getShop(shop);
  return {
    apiKey: config().SHOPIFY_API_KEY,
    // The library honours APP_BRIDGE_URL on the server; the page's script tag must match.
    appBridgeUrl: process.env.APP_BRIDGE_URL || undefined,
    shop: {
      domain: shop,
      name: record?.name ?? shop,
      timezone: record?.ianaTimezone ?? "UTC",
      currency: record?.currencyCode ?? "USD",
      locale: record?.primaryLocale ?? "en",
    },
  };
};

export default function AdminLayout() {
  const { apiKey, appBridgeUrl, shop } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} __APP_BRIDGE_URL={appBridgeUrl}>
      <NavMenu>
        <Link to="/app" rel="home">
          Home
        </Link>
        <Link to="/app/customers">Customers</Link>
        <Link to="/app/shipments">Shipments</Link>
        <Link to="/app/notifications">Notifications</Link>
        <Link to="/app/recommendations">Recommendations</Link>
        <Link to="/app/surveys">Surveys</Link>
        <Link to="/app/returns">Returns</Link>
        <Link to="/app/loyalty">Loyalty</Link>
        <Link to="/app/experiments">Experiments</Link>
        <Link to="/app/support/articles">Help center</Link>
        <Link to="/app/support/inbox">Support inbox</Link>
        <Link to="/app/operations">Operations</Link>
        <Link to="/app/settings">Settings</Link>
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
