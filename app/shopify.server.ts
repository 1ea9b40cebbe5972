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
 * Webhook HMAC and header checks from the library, without `authenticate.webhook`'s session
 * lookup: the ingest path only stores the delivery, so it needs no Admin API context.
 */
export const validateWebhook = shopifyApi({
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
}).webhooks.validate;

/** Authenticates an embedded-admin request and returns its shop, now carried by every log line. */
export async function requireAdminShop(request: Request) {
  const context = await authenticate.admin(request);
  addLogContext({ shop: context.session.shop });
  return { ...context, shop: context.session.shop };
}
