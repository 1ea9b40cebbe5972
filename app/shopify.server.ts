import "@shopify/shopify-app-remix/adapters/node";
import { LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { AppDistribution, shopifyApp, type ApiVersion } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { config } from "./config.server";
import { db } from "./db.server";
import { addLogContext, log } from "./platform/logging/logger.server";
import { API_VERSION } from "./platform/shopify/api-version";
import { routeLibraryCallsToShopOrigin } from "./platform/shopify/shop-origin.server";
import { installShop } from "./shops/shops.server";
import { scheduleHistoryImportOnInstall } from "./history/index.server";

const { SHOPIFY_API_KEY, SHOPIFY_API_SECRET, appUrl, scopes, LOG_LEVEL } = config();

routeLibraryCallsToShopOrigin();

const LIBRARY_LOG_LEVELS = {
  [LogSeverity.Error]: "error",
  [LogSeverity.Warning]: "warn",
  [LogSeverity.Info]: "debug",
  [LogSeverity.Debug]: "trace",
} as const;

const shopify = shopifyApp({
  apiKey: SHOPIFY_API_KEY,
  apiSecretKey: SHOPIFY_API_SECRET,
  apiVersion: API_VERSION as ApiVersion,
  scopes,
  appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db as never),
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  logger: {
    level: LOG_LEVEL === "trace" ? LogSeverity.Debug : LogSeverity.Info,
    log: (severity, message) =>
      log()[LIBRARY_LOG_LEVELS[severity]]({ library: "shopify" }, message),
  },
  hooks: {
    afterAuth: async ({ session }) => {
      await installShop(session.shop);
      await scheduleHistoryImportOnInstall(session.shop);
    },
  },
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;

/**
 * The library's signature checks without `authenticate.*`'s session lookup, for paths that need
 * no Admin API: webhook ingest (only stores the delivery) and the public App Proxy pages.
 */
const library = shopifyApi({
  apiKey: SHOPIFY_API_KEY,
  apiSecretKey: SHOPIFY_API_SECRET,
  apiVersion: API_VERSION as ApiVersion,
  hostName: new URL(appUrl).host,
  hostScheme: new URL(appUrl).protocol === "http:" ? "http" : "https",
  isEmbeddedApp: true,
  logger: {
    level: LogSeverity.Error,
    log: (_severity, message) => log().error({ library: "shopify" }, message),
  },
});
export const validateWebhook = library.webhooks.validate;

/**
 * An App Proxy request's shop, once its signature is verified (the library's check; 400
 * otherwise). Public pages read only our own data, so no session is loaded or refreshed.
 */
export async function verifyAppProxy(request: Request): Promise<string> {
  const params = new URL(request.url).searchParams;
  const shop = params.get("shop");
  const valid =
    shop !== null &&
    (await library.utils.validateHmac(params, { signator: "appProxy" }).catch(() => false));
  if (!valid) throw new Response(undefined, { status: 400, statusText: "Bad Request" });
  return shop;
}

/** Authenticates an embedded-admin request and returns its shop, now carried by every log line. */
export async function requireAdminShop(request: Request) {
  const context = await authenticate.admin(request);
  addLogContext({ shop: context.session.shop });
  return { ...context, shop: context.session.shop };
}
