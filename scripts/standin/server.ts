import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseToml } from "smol-toml";
import { draftById, draftByInvoiceUrl, payDraftInvoice } from "./admin/draft-orders";
import { flowActionRequest } from "./admin/flow";
import { runAdminGraphql } from "./admin/graphql";
import { redeemDiscountAtCheckout } from "./admin/loyalty";
import { bulkResultFile } from "./admin/bulk";
import { merchantActsInShopify, webhookOutbox, type ShopifyAdminAction } from "./admin/returns";
import { APP_BRIDGE_SHIM } from "./app-bridge-shim";
import { Mailbox, type ReceivedEmail } from "./mailbox";
import { inboundReplyFields, postInbound, type ShopperReplyOptions } from "./mailgun";
import { EasyPostApiError, EasyPostStandin } from "./easypost";
import { KlaviyoStandin, serveKlaviyo } from "./klaviyo";
import { serveTwilio, TwilioStandin } from "./twilio";
import { checkoutPage } from "./checkout";
import { adminFrameHtml } from "./frame";
import { escapeHtml } from "./html";
import { renderLiquidInTheme } from "./liquid-theme";
import { sessionToken, signAppProxyQuery, webhookHeaders, webhookHmac } from "./signing";
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  REFRESH_TOKEN_LIFETIME_SECONDS,
  StandinState,
  shopStore,
  type ShopState,
} from "./state";

/**
 * The local Shopify stand-in (dev and test tooling; production code never imports it). It plays
 * Shopify's part for a machine with no internet:
 *  - OAuth token exchange and refresh, and the Admin GraphQL API (scripts/standin/admin),
 *  - HMAC-signed webhook deliveries to the app,
 *  - the admin frame embedding /app with a valid id_token, plus an App Bridge stand-in,
 *  - the App Proxy: /apps/<subpath>/… forwarded to the app with Shopify's signature.
 * Shop-specific Shopify URLs live under /store/<shop>/ (SHOPIFY_SHOP_ORIGIN for the app).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface StandinOptions {
  apiKey: string;
  apiSecret: string;
  /** The shop /admin and /apps/… serve when no shop is named. */
  defaultShop: string;
  /** Where the app listens; can be set after start (the app needs the stand-in's URL first). */
  appUrl?: string;
  /** Mailgun's HTTP webhook signing key: the stand-in signs inbound mail posts with it. */
  mailgunSigningKey?: string;
  port?: number;
  host?: string;
}

export interface DeliverOptions {
  webhookId?: string;
  triggeredAt?: Date;
  eventId?: string;
  /** Sign with this secret instead of the app's (to test rejection). */
  secret?: string;
}

export interface Standin {
  url: string;
  state: StandinState;
  appUrl: string;
  /** For the app's SHOPIFY_SHOP_ORIGIN. */
  readonly shopOriginTemplate: string;
  /** For the app's APP_BRIDGE_URL. */
  readonly appBridgeUrl: string;
  apiVersion: string;
  /** EasyPost's API as the stand-in plays it; the app's EASYPOST_API_URL. */
  easypost: EasyPostStandin;
  readonly easypostApiUrl: string;
  /** Twilio's Messages API as the stand-in plays it; the app's TWILIO_API_URL. */
  twilio: TwilioStandin;
  readonly twilioApiUrl: string;
  /** Klaviyo's server-side API as the stand-in plays it; the app's KLAVIYO_API_URL. */
  klaviyo: KlaviyoStandin;
  readonly klaviyoApiUrl: string;
  /** The shoppers' mail server (SMTP); the app's SMTP_URL. */
  mailbox: Mailbox;
  adminUrl(shop?: string): string;
  storefrontUrl(pathname: string, shop?: string): string;
  /** The embedded-app URL Shopify's admin would load, with a fresh id_token. */
  embeddedAppUrl(shop?: string, pathname?: string): string;
  deliverWebhook(
    shop: string,
    topic: string,
    body: string,
    options?: DeliverOptions,
  ): Promise<Response>;
  /**
   * Shopify Flow reaching one of the app's actions: POSTs the run to its runtime URL (on the
   * app's URL, as the deployed app's would be), signed with the client secret (or `secret`).
   */
  runFlowAction(
    shop: string,
    handle: string,
    properties: Record<string, unknown>,
    options?: { runId?: string; secret?: string },
  ): Promise<{ status: number; body: string } | { error: string }>;
  close(): Promise<void>;
}

export function appConfig() {
  const toml = parseToml(readFileSync(path.join(root, "shopify.app.toml"), "utf8")) as {
    access_scopes: { scopes: string };
    webhooks: { api_version: string };
    app_proxy: { subpath: string; prefix: string };
  };
  return {
    scopes: toml.access_scopes.scopes,
    apiVersion: toml.webhooks.api_version,
    proxyPrefix: `/${toml.app_proxy.prefix}/${toml.app_proxy.subpath}`,
  };
}

function verifyJwt(token: string, secret: string): Record<string, unknown> | null {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return null;
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
  return typeof claims.exp === "number" && claims.exp * 1000 > Date.now() ? claims : null;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": typeof body === "string" ? "text/html; charset=utf-8" : "application/json",
    ...headers,
  });
  response.end(text);
}

export async function startStandin(options: StandinOptions): Promise<Standin> {
  const state = new StandinState();
  const { scopes, apiVersion, proxyPrefix } = appConfig();
  let baseUrl = "";

  const standin: Standin = {
    url: "",
    state,
    appUrl: options.appUrl ?? "",
    apiVersion,
    get shopOriginTemplate() {
      return `${baseUrl}/store/{shop}`;
    },
    get appBridgeUrl() {
      return `${baseUrl}/app-bridge.js`;
    },
    easypost: new EasyPostStandin(),
    mailbox: new Mailbox(),
    get easypostApiUrl() {
      return `${baseUrl}/easypost/v2/`;
    },
    twilio: new TwilioStandin(),
    get twilioApiUrl() {
      return `${baseUrl}/twilio/`;
    },
    klaviyo: new KlaviyoStandin(),
    get klaviyoApiUrl() {
      return `${baseUrl}/klaviyo`;
    },
    adminUrl: (shop = options.defaultShop) => `${baseUrl}/admin?shop=${encodeURIComponent(shop)}`,
    storefrontUrl: (pathname, shop = options.defaultShop) =>
      `${baseUrl}${shop === options.defaultShop ? "" : `/store/${shop}`}${proxyPrefix}${pathname}`,
    embeddedAppUrl(shop = options.defaultShop, pathname = "/app") {
      const host = Buffer.from(
        `admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`,
      ).toString("base64url");
      const params = new URLSearchParams({
        embedded: "1",
        host,
        id_token: sessionToken({ shop, apiKey: options.apiKey, secret: options.apiSecret }),
        locale: "en",
        shop,
      });
      return `${standin.appUrl}${pathname}?${params}`;
    },
    async deliverWebhook(shop, topic, body, deliver = {}) {
      return fetch(`${standin.appUrl}/webhooks`, {
        method: "POST",
        headers: webhookHeaders(body, {
          shop,
          topic,
          secret: deliver.secret ?? options.apiSecret,
          apiVersion,
          webhookId: deliver.webhookId,
          triggeredAt: deliver.triggeredAt,
          eventId: deliver.eventId,
        }),
        body,
      });
    },
    async runFlowAction(shop, handle, properties, run = {}) {
      const request = flowActionRequest({
        shopId: state.shop(shop).details.id,
        shopDomain: shop,
        handle,
        properties,
        runId: run.runId ?? randomUUID(),
      });
      if ("error" in request) return request;
      const response = await fetch(`${standin.appUrl}${request.url.pathname}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Hmac-Sha256": webhookHmac(request.body, run.secret ?? options.apiSecret),
        },
        body: request.body,
      });
      return { status: response.status, body: await response.text() };
    },
    close: async () => {
      await standin.mailbox.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function deliverLogged(shop: string, topic: string, body: string) {
    const delivered = await standin.deliverWebhook(shop, topic, body);
    if (!delivered.ok) console.error(`stand-in: ${topic} answered ${delivered.status}`);
  }

  async function tokenEndpoint(shopDomain: string, body: Record<string, string>) {
    if (body.client_id !== options.apiKey || body.client_secret !== options.apiSecret) {
      return { status: 400, body: { error: "invalid_client" } };
    }
    const shop = state.shop(shopDomain);
    if (body.grant_type === "refresh_token") {
      const expiresAt = shop.refreshTokens.get(body.refresh_token ?? "");
      if (!expiresAt || expiresAt < Date.now())
        return { status: 400, body: { error: "invalid_grant" } };
      shop.refreshTokens.delete(body.refresh_token ?? "");
    } else {
      const claims = body.subject_token ? verifyJwt(body.subject_token, options.apiSecret) : null;
      if (!claims || claims.dest !== `https://${shopDomain}` || claims.aud !== options.apiKey) {
        return { status: 400, body: { error: "invalid_subject_token" } };
      }
    }
    const { accessToken, refreshToken } = state.issueTokens(shop);
    const expiring = body.expiring === "1" || body.grant_type === "refresh_token";
    return {
      status: 200,
      body: expiring
        ? {
            access_token: accessToken,
            scope: scopes,
            expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
            refresh_token: refreshToken,
            refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_SECONDS,
          }
        : { access_token: accessToken, scope: scopes },
    };
  }

  async function forwardAppProxy(
    request: IncomingMessage,
    response: ServerResponse,
    shop: string,
    rest: string,
    query: URLSearchParams,
  ) {
    const signed = signAppProxyQuery(query, {
      shop,
      pathPrefix: proxyPrefix,
      secret: options.apiSecret,
    });
    const body =
      request.method === "GET" || request.method === "HEAD"
        ? undefined
        : new Uint8Array(await readBody(request));
    const upstream = await fetch(`${standin.appUrl}/proxy${rest}?${signed}`, {
      method: request.method,
      headers: {
        "Content-Type": request.headers["content-type"] ?? "",
        "User-Agent": request.headers["user-agent"] ?? "",
        "Accept-Language": request.headers["accept-language"] ?? "",
        "X-Forwarded-For": request.socket.remoteAddress ?? "127.0.0.1",
      },
      body,
      redirect: "manual",
    });
    const contentType = upstream.headers.get("content-type") ?? "";
    const headers: Record<string, string> = { "Content-Type": contentType };
    for (const name of ["location", "content-disposition", "cache-control", "retry-after"]) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    // A path on the shop's own domain: other shops than the default live under /store/<shop>.
    if (headers.location?.startsWith("/") && shop !== options.defaultShop) {
      headers.location = `/store/${shop}${headers.location}`;
    }
    if (contentType.includes("application/liquid")) {
      headers["Content-Type"] = "text/html; charset=utf-8";
      response.writeHead(upstream.status, headers);
      response.end(
        await renderLiquidInTheme(await upstream.text(), shop, state.shop(shop).details),
      );
      return;
    }
    response.writeHead(upstream.status, headers);
    response.end(Buffer.from(await upstream.arrayBuffer()));
  }

  async function serveEasyPost(request: IncomingMessage, response: ServerResponse, path: string[]) {
    const authorization = request.headers.authorization ?? "";
    const apiKey = authorization.startsWith("Basic ")
      ? Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":")[0]
      : "";
    if (!apiKey) {
      return send(response, 401, {
        error: { code: "APIKEY.REQUIRED", message: "No API key provided", errors: [] },
      });
    }
    const body =
      request.method === "POST"
        ? (JSON.parse((await readBody(request)).toString("utf8") || "{}") as {
            tracker?: { tracking_code: string; carrier?: string };
            webhook?: { url: string; webhook_secret?: string };
          })
        : {};
    if (path[0] === "trackers" && !path[1] && request.method === "POST" && body.tracker) {
      return send(response, 201, standin.easypost.createTracker(apiKey, body.tracker));
    }
    if (path[0] === "trackers" && path[1] && request.method === "GET") {
      const tracker = standin.easypost.tracker(apiKey, path[1]);
      return tracker
        ? send(response, 200, tracker)
        : send(response, 404, {
            error: {
              code: "NOT_FOUND",
              message: "The requested resource could not be found.",
              errors: [],
            },
          });
    }
    if (path[0] === "shipments" && request.method === "POST") {
      const shipmentBody = body as { shipment?: Record<string, unknown>; rate?: { id?: string } };
      try {
        if (!path[1] && shipmentBody.shipment) {
          return send(
            response,
            201,
            standin.easypost.createShipment(apiKey, shipmentBody.shipment),
          );
        }
        if (path[1] && path[2] === "buy") {
          return send(
            response,
            200,
            standin.easypost.buyShipment(apiKey, path[1], shipmentBody.rate?.id),
          );
        }
      } catch (error) {
        if (error instanceof EasyPostApiError) {
          return send(response, error.status, {
            error: { code: error.code, message: error.message, errors: error.errors },
          });
        }
        throw error;
      }
    }
    if (path[0] === "webhooks" && request.method === "POST" && body.webhook) {
      return send(response, 201, standin.easypost.createWebhook(apiKey, body.webhook));
    }
    return send(response, 404, {
      error: {
        code: "NOT_FOUND",
        message: "The requested resource could not be found.",
        errors: [],
      },
    });
  }

  const server = http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", baseUrl);
      const parts = url.pathname.split("/").filter(Boolean);
      const corsHeaders = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": "*",
      };

      if (request.method === "OPTIONS") return send(response, 204, "", corsHeaders);

      // /store/<shop>/admin/...  and  /store/<shop>/apps/<subpath>/...
      if (parts[0] === "store" && parts[1]) {
        const shopDomain = decodeURIComponent(parts[1]);
        const rest = `/${parts.slice(2).join("/")}`;
        if (rest === "/admin/oauth/access_token" && request.method === "POST") {
          const raw = (await readBody(request)).toString("utf8");
          const body = (request.headers["content-type"] ?? "").includes("json")
            ? (JSON.parse(raw) as Record<string, string>)
            : Object.fromEntries(new URLSearchParams(raw));
          const result = await tokenEndpoint(shopDomain, body);
          return send(response, result.status, result.body);
        }
        const graphql = /^\/admin\/api\/[^/]+\/graphql\.json$/.test(rest);
        if (graphql && request.method === "POST") {
          const shop = state.authenticate(
            shopDomain,
            (request.headers["x-shopify-access-token"] as string) ?? null,
          );
          if (!shop)
            return send(response, 401, {
              errors:
                "[API] Invalid API key or access token (unrecognized login or wrong password)",
            });
          const graphql = JSON.parse((await readBody(request)).toString("utf8"));
          const result = await runAdminGraphql(shop, graphql, baseUrl);
          const webhooks = webhookOutbox(shop).splice(0);
          const deliverAll = async () => {
            for (const webhook of webhooks) {
              await deliverLogged(shop.domain, webhook.topic, JSON.stringify(webhook.payload));
            }
          };
          const held = heldAnswers(shop).get(operationNameOf(graphql));
          if (held) {
            // Shopify does not order a mutation's answer and its webhooks: a test can make the
            // webhooks win, holding the answer until it releases it.
            await deliverAll();
            await held.released;
          }
          send(response, result.status, result.body);
          if (!held) await deliverAll();
          return;
        }
        // A draft order's invoice: its checkout, where the shopper pays with a card.
        if (/^\/\d+\/invoices\/[^/]+$/.test(rest)) {
          const shop = state.shops.get(shopDomain);
          const draft = shop && draftByInvoiceUrl(shop, `${baseUrl}${url.pathname}`);
          if (!shop || !draft) return send(response, 404, "Not Found");
          if (request.method === "GET") {
            const notice = draft.status === "COMPLETED" ? "alreadyPaid" : null;
            return send(response, 200, checkoutPage(shop.details, draft, notice));
          }
          if (request.method !== "POST") return send(response, 405, "Method Not Allowed");
          const card = new URLSearchParams((await readBody(request)).toString("utf8"));
          const payment = payDraftInvoice(shop, draft, card.get("number") ?? "");
          const status = payment.outcome === "alreadyPaid" ? 409 : 200;
          send(response, status, checkoutPage(shop.details, draft, payment.outcome));
          if (payment.outcome === "paid") {
            for (const webhook of payment.webhooks) {
              await deliverLogged(shop.domain, webhook.topic, JSON.stringify(webhook.payload));
            }
          }
          return;
        }
        if (rest.startsWith(`${proxyPrefix}`)) {
          return forwardAppProxy(
            request,
            response,
            shopDomain,
            rest.slice(proxyPrefix.length) || "/",
            url.searchParams,
          );
        }
        return send(response, 404, { errors: "Not Found" });
      }

      if (url.pathname.startsWith(proxyPrefix)) {
        return forwardAppProxy(
          request,
          response,
          options.defaultShop,
          url.pathname.slice(proxyPrefix.length) || "/",
          url.searchParams,
        );
      }

      switch (url.pathname) {
        case "/admin": {
          const shop = url.searchParams.get("shop") ?? options.defaultShop;
          return send(
            response,
            200,
            adminFrameHtml({
              shopName: state.shop(shop).details.name,
              appSrc: standin.embeddedAppUrl(shop, url.searchParams.get("path") ?? "/app"),
              links: [
                { label: "Tracking page", href: standin.storefrontUrl("/track", shop) },
                { label: "Returns portal", href: standin.storefrontUrl("/returns", shop) },
              ],
            }),
          );
        }
        case "/session-token": {
          const shop = url.searchParams.get("shop") ?? options.defaultShop;
          const token = sessionToken({ shop, apiKey: options.apiKey, secret: options.apiSecret });
          return send(response, 200, { token, expiresAt: Date.now() + 60_000 }, corsHeaders);
        }
        case "/app-bridge.js":
          return send(response, 200, APP_BRIDGE_SHIM, {
            "Content-Type": "text/javascript; charset=utf-8",
          });
        case "/": {
          return send(response, 302, "", { Location: standin.adminUrl() });
        }
      }

      if (parts[0] === "klaviyo") {
        return serveKlaviyo(standin.klaviyo, request, response, parts.slice(1));
      }
      if (parts[0] === "__standin" && parts[1] === "klaviyo" && parts[2] === "requests") {
        return serveKlaviyo(standin.klaviyo, request, response, ["__standin"]);
      }
      if (parts[0] === "__standin" && parts[1] === "klaviyo" && parts[2] === "keys") {
        return serveKlaviyo(standin.klaviyo, request, response, ["__standin", "keys"]);
      }
      if (parts[0] === "twilio") {
        return serveTwilio(standin.twilio, request, response, parts.slice(1));
      }
      if (parts[0] === "__standin" && parts[1] === "twilio") {
        return serveTwilio(standin.twilio, request, response, ["__standin", ...parts.slice(2)]);
      }
      if (parts[0] === "easypost" && parts[1] === "v2") {
        return serveEasyPost(request, response, parts.slice(2));
      }
      if (parts[0] === "__standin" && parts[1] === "easypost" && parts[2] === "shipments") {
        return send(
          response,
          200,
          [...standin.easypost.shipments.values()].map(
            ({ apiKey: _apiKey, ...shipment }) => shipment,
          ),
        );
      }
      if (parts[0] === "__standin" && parts[1] === "easypost" && parts[2] === "trackers") {
        if (request.method === "GET") {
          const code = url.searchParams.get("tracking_code");
          return send(
            response,
            200,
            [...standin.easypost.trackers.values()].filter(
              (tracker) => !code || tracker.tracking_code === code,
            ),
          );
        }
        if (parts[3] && parts[4] === "advance" && request.method === "POST") {
          const step = JSON.parse((await readBody(request)).toString("utf8"));
          return send(response, 200, {
            delivered: await standin.easypost.advance(decodeURIComponent(parts[3]), step),
          });
        }
      }

      // A shopper answers the latest e-mail sent to them; Mailgun posts the reply to the app.
      if (parts[0] === "__standin" && parts[1] === "mailgun" && parts[2] === "reply") {
        const body = JSON.parse(
          (await readBody(request)).toString("utf8"),
        ) as ShopperReplyOptions & {
          to: string;
        };
        const original = standin.mailbox.to(body.to).at(-1);
        if (!original) return send(response, 404, { error: `No e-mail to ${body.to}` });
        const fields = inboundReplyFields(original, options.mailgunSigningKey ?? "", body);
        const answer = await postInbound(
          `${standin.appUrl}/webhooks/mailgun`,
          fields,
          body.multipart,
          body.attachments,
        );
        return send(response, 200, { ...answer, fields });
      }

      // The mailbox: what the app sent (JSON, or a page for the demo) and SMTP outages on demand.
      if (parts[0] === "__standin" && parts[1] === "mailbox") {
        if (parts[2] === "outage" && request.method === "POST") {
          const body = JSON.parse((await readBody(request)).toString("utf8")) as {
            to: string;
            on: boolean;
          };
          const address = body.to.toLowerCase();
          if (body.on) standin.mailbox.refusing.add(address);
          else standin.mailbox.refusing.delete(address);
          return send(response, 200, { refusing: [...standin.mailbox.refusing] });
        }
        const to = url.searchParams.get("to");
        const messages = to ? standin.mailbox.to(to) : standin.mailbox.messages;
        if (url.searchParams.get("format") === "html") {
          return send(response, 200, mailboxPage(messages));
        }
        return send(response, 200, messages);
      }

      // A bulk operation's result file, as Shopify's storage bucket serves it.
      if (parts[0] === "__standin" && parts[1] === "bulk" && parts[2] && parts[3]) {
        const file = bulkResultFile(
          state.shop(decodeURIComponent(parts[2])),
          parts[3].replace(/\.jsonl$/, ""),
        );
        if (file === null) return send(response, 404, "NoSuchKey");
        return send(response, 200, file, { "Content-Type": "application/jsonl" });
      }

      // Test control: what did the app ask of Shopify, and make Shopify misbehave on purpose.
      if (parts[0] === "__standin" && parts[1] === "shops" && parts[2]) {
        const shop = state.shop(decodeURIComponent(parts[2]));
        if (parts[3] === "calls") return send(response, 200, shop.calls);
        if (parts[3] === "stores" && parts[4] && request.method === "POST") {
          const body = (await readBody(request)).toString("utf8");
          const key = decodeURIComponent(parts[4]);
          if (body.trim() === "null") shop.stores.delete(key);
          else shop.stores.set(key, JSON.parse(body));
          return send(response, 200, shop.stores.get(key) ?? null);
        }
        if (parts[3] === "stores" && parts[4])
          return send(response, 200, shop.stores.get(decodeURIComponent(parts[4])) ?? null);
        if (parts[3] === "returns" && request.method === "POST") {
          const body = JSON.parse((await readBody(request)).toString("utf8") || "{}");
          const action = (parts[5] ?? "create") as ShopifyAdminAction;
          const acted = merchantActsInShopify(
            shop,
            action,
            parts[4] ? decodeURIComponent(parts[4]) : undefined,
            body,
          );
          if ("error" in acted) return send(response, 422, acted);
          const delivered = await standin.deliverWebhook(
            shop.domain,
            acted.topic,
            JSON.stringify(acted.payload),
          );
          return send(response, 200, { return: acted.entry, webhook: delivered.status });
        }
        // The shopper pays a draft order's invoice with an approved card (POST …/draft-orders/<gid>/pay).
        if (
          parts[3] === "draft-orders" &&
          parts[4] &&
          parts[5] === "pay" &&
          request.method === "POST"
        ) {
          const draft = draftById(shop, decodeURIComponent(parts[4]));
          const payment = draft ? payDraftInvoice(shop, draft, "1") : null;
          if (payment?.outcome !== "paid")
            return send(response, 422, { error: "Draft order is not waiting for payment" });
          const webhooks = [];
          for (const webhook of payment.webhooks) {
            const body = JSON.stringify(webhook.payload);
            const delivered = await standin.deliverWebhook(shop.domain, webhook.topic, body);
            webhooks.push({ ...webhook, status: delivered.status });
          }
          return send(response, 200, { webhooks });
        }
        if (parts[3] === "hold" && parts[4] && request.method === "POST") {
          const operation = decodeURIComponent(parts[4]);
          let release = () => {};
          const released = new Promise<void>((resolve) => (release = resolve));
          heldAnswers(shop).set(operation, { released, release });
          return send(response, 200, { held: operation });
        }
        if (parts[3] === "release" && parts[4] && request.method === "POST") {
          const operation = decodeURIComponent(parts[4]);
          heldAnswers(shop).get(operation)?.release();
          heldAnswers(shop).delete(operation);
          return send(response, 200, { released: operation });
        }
        // A shopper enters a discount code at checkout and places the order.
        if (parts[3] === "checkout-discount" && request.method === "POST") {
          const body = JSON.parse((await readBody(request)).toString("utf8")) as Parameters<
            typeof redeemDiscountAtCheckout
          >[1];
          return send(response, 200, redeemDiscountAtCheckout(shop, body));
        }
        // Shopify Flow runs one of the app's actions for this shop.
        if (parts[3] === "flow-actions" && parts[4] && request.method === "POST") {
          const body = JSON.parse((await readBody(request)).toString("utf8") || "{}") as {
            properties?: Record<string, unknown>;
            runId?: string;
            secret?: string;
          };
          const ran = await standin.runFlowAction(
            shop.domain,
            decodeURIComponent(parts[4]),
            body.properties ?? {},
            { runId: body.runId, secret: body.secret },
          );
          return send(response, "error" in ran ? 422 : 200, ran);
        }
        if (parts[3] === "throttle" && request.method === "POST") {
          const body = JSON.parse((await readBody(request)).toString("utf8")) as {
            currentlyAvailable: number;
            restoreRate?: number;
          };
          shop.bucket.currentlyAvailable = body.currentlyAvailable;
          shop.bucket.restoreRate = body.restoreRate ?? shop.bucket.restoreRate;
          shop.bucket.updatedAt = Date.now();
          return send(response, 200, shop.bucket);
        }
      }
      return send(response, 404, { errors: "Not Found" });
    } catch (error) {
      console.error("stand-in error", error);
      if (!response.headersSent) send(response, 500, { errors: String(error) });
    }
  });

  await standin.mailbox.listen();
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? "127.0.0.1"}:${address.port}`;
  standin.url = baseUrl;
  return standin;
}

/** The demo's view of the mailbox: newest first, each message's HTML in a frame. */
function mailboxPage(messages: ReceivedEmail[]) {
  const items = [...messages]
    .reverse()
    .map(
      (message) =>
        `<article><h2>${escapeHtml(message.subject)}</h2><p>To ${escapeHtml(message.to.join(", "))} · ${escapeHtml(message.receivedAt)}</p><iframe sandbox srcdoc="${escapeHtml(message.html)}" title="${escapeHtml(message.subject)}"></iframe></article>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mailbox (stand-in)</title><style>body{font:15px system-ui;margin:24px;max-width:760px}iframe{width:100%;height:560px;border:1px solid #ddd}article{margin-bottom:32px}</style></head><body><h1>Mailbox (stand-in): ${messages.length} messages</h1>${items || "<p>No email yet.</p>"}</body></html>`;
}

/** Answers a test holds back (see `/__standin/shops/:shop/hold/:operation`), by operation name. */
function heldAnswers(shop: ShopState) {
  return shopStore(
    shop,
    "heldAnswers",
    () => new Map<string, { released: Promise<void>; release: () => void }>(),
  );
}

function operationNameOf(graphql: { operationName?: string; query?: string }): string {
  return (
    graphql.operationName ?? /\b(?:query|mutation)\s+(\w+)/.exec(graphql.query ?? "")?.[1] ?? ""
  );
}
