/**
 * Who may call each route, declared once. `tests/security/route-guards.test.ts` fails when a file
 * in app/routes/ (or the webhook entry of scripts/server.js) has no entry here, when an entry has
 * no file, and when a guarded route answers an unauthenticated or badly signed request with
 * anything but a refusal; SECURITY.md's route table is rendered from it (`npx tsx
 * scripts/route-guards.ts`) and checked by the same test.
 */

export const GUARDS = {
  "admin-session":
    "embedded admin: a Shopify session token (App Bridge) or the OAuth flow; the shop comes from the token",
  "webhook-hmac":
    "Shopify webhook: X-Shopify-Hmac-Sha256 over the raw body, keyed with the app's client secret",
  "provider-hmac":
    "carrier webhook (EasyPost): X-Hmac-Signature over the raw body, keyed with the shop's own webhook secret",
  "app-proxy-signature":
    "storefront through Shopify's App Proxy: the query's `signature`, keyed with the client secret; the shop comes from it",
  "checkout-token":
    "thank-you / order-status extension: a checkout session token (shop in `dest`, customer GID in `sub` when signed in)",
  "customer-account-token":
    "customer-account extension: a session token whose `sub` must name a `gid://shopify/Customer/`",
  "signed-link":
    "a link from an email: an HMAC-signed token naming the shop, the shopper and what the link does",
  "mail-signature":
    "inbound e-mail from Mailgun: HMAC-SHA256 of timestamp + token with the Mailgun signing key, a fresh timestamp and an unseen token",
  "twilio-signature":
    "Twilio callback or inbound text: X-Twilio-Signature (HMAC-SHA1 of the exact URL and the sorted form) keyed with the shop's own auth token, from the shop's account",
  public: "no authentication: reveals nothing about any shop or shopper",
} as const;

export type Guard = keyof typeof GUARDS;

export interface RouteGuard {
  guard: Guard;
  /** What the route is and why this guard fits it. */
  note: string;
  /**
   * Statuses a refused request gets, when not the guard's usual ones: the open pixel answers a
   * forged token with the same pixel (a probe learns nothing) and records nothing.
   */
  refusedWith?: number[];
}

/** The webhook entry scripts/server.js serves ahead of the Remix router. */
export const WEBHOOK_ENTRY = "scripts/server.js POST /webhooks";

/** Keys: file names under app/routes/, plus WEBHOOK_ENTRY. */
export const ROUTE_GUARDS: Record<string, RouteGuard> = {
  [WEBHOOK_ENTRY]: { guard: "webhook-hmac", note: "every Shopify topic, into the inbox" },
  "_index.tsx": { guard: "public", note: "landing page; `?shop=` goes on to /app" },
  "api.loyalty._index.ts": {
    guard: "customer-account-token",
    note: "the loyalty page's balance and rewards",
  },
  "api.loyalty.order-points.ts": {
    guard: "checkout-token",
    note: "points an order earns, thank-you page",
  },
  "api.recommendations.events.ts": {
    guard: "checkout-token",
    note: "impressions and clicks of the thank-you block",
  },
  "api.recommendations.orders.$orderId.ts": {
    guard: "checkout-token",
    note: "an order's recommendations and NPS answer",
  },
  "api.returns.orders.$orderId.ts": {
    guard: "customer-account-token",
    note: "the return modal: options and submit",
  },
  "api.surveys.nps.ts": { guard: "checkout-token", note: "the NPS answer of an order" },
  "api.tracking.orders.$orderId.ts": {
    guard: "customer-account-token",
    note: "an order's shipments, order-status page",
  },
  "app._index.tsx": { guard: "admin-session", note: "admin home" },
  "app.loyalty._index.tsx": { guard: "admin-session", note: "loyalty overview" },
  "app.loyalty.liability.export.ts": { guard: "admin-session", note: "CSV export" },
  "app.loyalty.liability.tsx": { guard: "admin-session", note: "points liability" },
  "app.loyalty.members.$id.tsx": { guard: "admin-session", note: "a member's ledger" },
  "app.loyalty.settings.tsx": { guard: "admin-session", note: "loyalty settings" },
  "app.notifications._index.tsx": { guard: "admin-session", note: "notification settings" },
  "app.notifications.log.tsx": { guard: "admin-session", note: "sent emails and SMS" },
  "app.notifications.sms.tsx": {
    guard: "admin-session",
    note: "SMS settings: Twilio account, per-trigger SMS, templates with segments and cost",
  },
  "app.operations.backlog.ts": { guard: "admin-session", note: "webhook inbox counts (JSON)" },
  "app.operations.deliveries.$id.tsx": { guard: "admin-session", note: "a webhook delivery" },
  "app.operations.tsx": { guard: "admin-session", note: "inbox and job queue" },
  "app.privacy.$id.tsx": { guard: "admin-session", note: "a customer data export" },
  "app.recommendations.export.ts": { guard: "admin-session", note: "CSV export" },
  "app.recommendations.tsx": { guard: "admin-session", note: "recommendations" },
  "app.returns.$id.tsx": { guard: "admin-session", note: "a return" },
  "app.returns._index.tsx": { guard: "admin-session", note: "returns queue" },
  "app.returns.export.ts": { guard: "admin-session", note: "CSV export" },
  "app.returns.photos.$photoId.ts": { guard: "admin-session", note: "a return photo" },
  "app.returns.settings.tsx": { guard: "admin-session", note: "returns policy" },
  "app.settings.tsx": { guard: "admin-session", note: "shop settings" },
  "app.settings_.endpoints.tsx": {
    guard: "admin-session",
    note: "event destinations: the shop's endpoints, Klaviyo key, deliveries and replay",
  },
  "app.shipments.$id.tsx": { guard: "admin-session", note: "a shipment" },
  "app.shipments._index.tsx": { guard: "admin-session", note: "shipments" },
  "app.shipments.export.ts": { guard: "admin-session", note: "CSV export" },
  "app.shipments.settings.tsx": { guard: "admin-session", note: "tracking settings" },
  "app.shipments.tracking-page.tsx": {
    guard: "admin-session",
    note: "the storefront tracking page's offer",
  },
  "app.support.attachments.$id.ts": {
    guard: "admin-session",
    note: "an image a shopper attached to a support message, of the session's shop only",
  },
  "app.support.inbox.$id.tsx": {
    guard: "admin-session",
    note: "a support conversation: reply, note, status, assignee",
  },
  "app.support.inbox._index.tsx": { guard: "admin-session", note: "support conversations inbox" },
  "app.support.replies.tsx": { guard: "admin-session", note: "saved replies" },
  "app.support.chat.tsx": {
    guard: "admin-session",
    note: "chat business hours, storefront domains and the optional language model",
  },
  "app.support.inbox.events.ts": {
    guard: "admin-session",
    note: "the inbox's live stream (Server-Sent Events); marks the team present",
  },
  "app.support.articles.$id.tsx": { guard: "admin-session", note: "help center article editor" },
  "app.support.articles._index.tsx": { guard: "admin-session", note: "help center articles" },
  "app.support.articles.export.ts": {
    guard: "admin-session",
    note: "help center articles as CSV",
  },
  "app.customers.$id.export.ts": {
    guard: "admin-session",
    note: "one customer's timeline as CSV",
  },
  "app.customers.$id.tsx": { guard: "admin-session", note: "one customer's timeline" },
  "app.customers._index.tsx": { guard: "admin-session", note: "customer search" },
  "app.dashboard.export.ts": {
    guard: "admin-session",
    note: "one of the dashboard's tables as CSV",
  },
  "app.surveys.tsx": { guard: "admin-session", note: "surveys" },
  "app.experiments.tsx": {
    guard: "admin-session",
    note: "holdout experiments: start, stop, results",
  },
  "app.tsx": { guard: "admin-session", note: "the admin layout: every /app page passes it" },
  "auth.$.tsx": {
    guard: "admin-session",
    note: "the library's OAuth and session-token bounce paths (callback HMAC-checked)",
  },
  "auth.login/route.tsx": {
    guard: "public",
    note: "shop-domain form that starts Shopify's install flow",
  },
  "healthz.tsx": { guard: "public", note: "database and queue health, without their errors" },
  "notifications.open.ts": {
    guard: "signed-link",
    note: "open pixel",
    refusedWith: [200],
  },
  "notifications.unsubscribe.ts": {
    guard: "signed-link",
    note: "one-click unsubscribe (RFC 8058)",
  },
  "chat.stream.ts": {
    guard: "signed-link",
    note: "a conversation's live stream for the chat widget: an expiring chat token naming shop and conversation, CORS to the shop's storefront origins",
  },
  "proxy.chat.ts": {
    guard: "app-proxy-signature",
    note: "chat widget: presence, the assistant, talk to a person, the shopper's messages (JSON)",
  },
  "proxy.help_.conversation.tsx": {
    guard: "app-proxy-signature",
    note: "a shopper's conversation with the shop's team; the signed conversation token must name one of the signed shop's",
  },
  "proxy.help_.conversation_.attachments.$id.ts": {
    guard: "app-proxy-signature",
    note: "an image a shopper attached; the link or chat token must name its conversation, of the signed shop",
  },
  "proxy.help.tsx": {
    guard: "app-proxy-signature",
    note: "help center: articles, search, feedback and the order assistant",
  },
  "proxy.promise.ts": {
    guard: "app-proxy-signature",
    note: "the delivery-promise block's JSON (product and cart pages)",
  },
  "proxy.recommendations.ts": {
    guard: "app-proxy-signature",
    note: "storefront recommendations JSON",
  },
  "proxy.returns.tsx": { guard: "app-proxy-signature", note: "returns portal" },
  "proxy.track.tsx": { guard: "app-proxy-signature", note: "tracking page" },
  "proxy.track_.go.ts": {
    guard: "app-proxy-signature",
    note: "a tracking page recommendation's click: a signed link of this shop, 302 to its product",
  },
  "surveys.csat.ts": {
    guard: "signed-link",
    note: "delivery rating from the email: GET asks to confirm the score, POST records it or the comment",
  },
  "s.$code.ts": {
    guard: "public",
    note: "a short link from an SMS: redirects to its tracking page, an unknown code is a 404",
  },
  "webhooks.easypost.ts": { guard: "provider-hmac", note: "EasyPost tracker events" },
  "flow.actions.$action.ts": {
    guard: "webhook-hmac",
    note: "Shopify Flow action runs (add points, send the delivery survey, flag a shipment)",
  },
  "webhooks.twilio.inbound.ts": {
    guard: "twilio-signature",
    note: "shoppers' texts to the shop's number: STOP, START, HELP (TwiML answer)",
  },
  "webhooks.twilio.status.ts": {
    guard: "twilio-signature",
    note: "delivery status of each SMS, never moved backwards",
  },
  "webhooks.mailgun.ts": {
    guard: "mail-signature",
    note: "shoppers' e-mail replies to support conversations, with their photos (Mailgun inbound route, post up to 32 MB)",
  },
};

/** SECURITY.md's route table. */
export function routeGuardTable(): string {
  const rows = Object.entries(ROUTE_GUARDS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, { guard, note }]) => `| \`${route}\` | ${guard} | ${note} |`);
  const guards = Object.entries(GUARDS).map(([guard, meaning]) => `- **${guard}**: ${meaning}`);
  return [
    ...guards,
    "",
    "| route (app/routes/…) | guard | what it is |",
    "| --- | --- | --- |",
    ...rows,
  ].join("\n");
}
