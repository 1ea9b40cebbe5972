import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { countShopScopedRows } from "../../app/platform/db/shop-scoped.server";
import { signAppProxyQuery, webhookHeaders } from "../../scripts/standin/signing";
import { BROWSER_UA, TEST_API_SECRET, uniqueShop } from "../support/constants";
import { appUrl, customerAccountToken } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/**
 * Issue #15, Deliver 8: malformed bodies, headers, query strings and unicode thrown at the webhook
 * entry and every public route over HTTP against the production build. None may answer 5xx, and a
 * request that is refused or finds nothing writes no row: the shop's rows in every shop-scoped
 * table (found from the schema) are counted before and after. Runs are bounded so the file takes
 * well under a minute; a failure prints the seed and the shrunk request to replay.
 */

const RUNS = 30;
const shop = uniqueShop("fuzz");

/** Text as attackers send it: any unicode (NUL, controls, lone surrogates, emoji), Liquid, SQL. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "\u0000",
    "%00no email",
    "{{ shop.email }}",
    "{% capture x %}<script>{% endcapture %}{{ x }}",
    "' OR 1=1 --",
    "../../etc/passwd",
    "9".repeat(400),
    "-1",
    "1e309",
    "gid://shopify/Order/1",
    "\u202e\ufeff\ud800",
  ),
);

/**
 * Any header value HTTP allows (RFC 9110 field-value: space, visible ASCII and Latin-1 obs-text).
 * DEL (0x7f) is not one: fetch refuses to send it ("invalid … header"), so the request never
 * reached the app and the property failed with "fetch failed" on an input the server never saw.
 */
const headerText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }))
    .map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

const body = fc.oneof(
  hostileText,
  fc.json({ maxDepth: 3 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "multipart/form-data",
  "text/plain",
  "application/liquid",
);
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "order",
      "email",
      "tracking",
      "format",
      "locale",
      "status",
      "label",
      "products",
      "limit",
      "token",
      "score",
    ),
    hostileText,
  ),
  hostileText,
  { maxKeys: 5 },
);
/** A shopper's address as the App Proxy reports it: random, so budgets do not hide deeper paths. */
const address = fc.ipV4();

async function send(path: string, init: RequestInit) {
  const headers = new Headers(init.headers);
  headers.set("User-Agent", BROWSER_UA);
  const response = await fetch(`${appUrl()}${path}`, { ...init, headers, redirect: "manual" });
  await response.arrayBuffer();
  return response.status;
}

/** Runs the property and checks that the shop's rows are where they were. */
async function expectNoServerErrorNorWrite<Values>(property: fc.IAsyncProperty<Values>) {
  const before = await countShopScopedRows(shop);
  await fc.assert(property, { numRuns: RUNS });
  expect(await countShopScopedRows(shop)).toEqual(before);
}

const noServerError = (status: number) => expect(status).toBeLessThan(500);

beforeAll(async () => {
  await installShop(shop);
  // The install also imports the shop's order history in the background: it must be over before
  // a property counts the shop's rows, or its writes land between the two counts.
  await waitFor(
    async () =>
      (await db.historyImport.findFirst({
        where: { shopDomain: shop, status: { in: ["completed", "failed"] } },
      })) ?? undefined,
    { message: "the install's history import finished" },
  );
}, 60_000);

describe("fuzzing the webhook entry", () => {
  it("refuses unsigned and forged deliveries with any body and headers, storing nothing", async () => {
    await expectNoServerErrorNorWrite(
      fc.asyncProperty(
        body,
        headerText,
        headerText,
        fc.boolean(),
        async (payload, topic, hmac, signWithWrongSecret) => {
          const headers = signWithWrongSecret
            ? webhookHeaders(payload, {
                shop,
                topic: "orders/create",
                secret: "wrong",
                apiVersion: "2026-10",
              })
            : {
                "X-Shopify-Topic": topic,
                "X-Shopify-Hmac-Sha256": hmac,
                "X-Shopify-Shop-Domain": shop,
              };
          const status = await send("/webhooks", { method: "POST", headers, body: payload });
          noServerError(status);
          expect([400, 401, 405]).toContain(status);
        },
      ),
    );
  });

  it("acknowledges or rejects signed deliveries of any shape without a server error", async () => {
    const topics = fc.constantFrom(
      "orders/create",
      "orders/updated",
      "fulfillments/create",
      "fulfillment_events/create",
      "returns/request",
      "products/update",
      "customers/redact",
      "shop/redact",
      "app/uninstalled",
      "unknown/topic",
    );
    await fc.assert(
      fc.asyncProperty(topics, body, async (topic, payload) => {
        const headers = webhookHeaders(payload, {
          shop: uniqueShop("fuzz-signed"),
          topic,
          secret: TEST_API_SECRET,
          apiVersion: "2026-10",
          webhookId: randomUUID(),
        });
        noServerError(await send("/webhooks", { method: "POST", headers, body: payload }));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("fuzzing the storefront (App Proxy, signed as Shopify signs)", () => {
  const proxyPath = fc.constantFrom("/track", "/returns", "/recommendations");

  it("answers any query string without a server error or a write", async () => {
    await expectNoServerErrorNorWrite(
      fc.asyncProperty(proxyPath, query, address, async (path, params, ip) => {
        const signed = signAppProxyQuery(new URLSearchParams(params), {
          shop,
          pathPrefix: "/apps/aftercare",
          secret: TEST_API_SECRET,
        });
        noServerError(
          await send(`/proxy${path}?${signed}`, { headers: { "X-Forwarded-For": ip } }),
        );
      }),
    );
  });

  it("answers any posted body and content type without a server error or a write", async () => {
    await expectNoServerErrorNorWrite(
      fc.asyncProperty(
        fc.constantFrom("/track", "/returns"),
        body,
        contentType,
        address,
        async (path, payload, type, ip) => {
          const signed = signAppProxyQuery(new URLSearchParams(), {
            shop,
            pathPrefix: "/apps/aftercare",
            secret: TEST_API_SECRET,
          });
          noServerError(
            await send(`/proxy${path}?${signed}`, {
              method: "POST",
              headers: { "Content-Type": type, "X-Forwarded-For": ip },
              body: payload,
            }),
          );
        },
      ),
    );
  });
});

describe("fuzzing extension endpoints and e-mail links", () => {
  it("answers any body or order id under a valid session token without a server error or a write", async () => {
    const token = customerAccountToken(shop, null);
    const call = fc.oneof(
      fc.record({
        method: fc.constant("POST"),
        path: fc.constantFrom("/api/surveys/nps", "/api/recommendations/events"),
        payload: body,
      }),
      fc.record({
        method: fc.constant("GET"),
        path: hostileText.map(
          (id) =>
            `/api/${["tracking", "returns", "recommendations"][id.length % 3]}/orders/${encodeURIComponent(id.replace(/[\ud800-\udfff]/g, "\ufffd"))}`,
        ),
        payload: fc.constant(undefined),
      }),
    );
    await expectNoServerErrorNorWrite(
      fc.asyncProperty(call, async ({ method, path, payload }) => {
        noServerError(
          await send(path, {
            method,
            headers: {
              Authorization: `Bearer ${token}`,
              "Content-Type": "application/json",
              Origin: "https://extensions.shopifycdn.com",
            },
            body: payload,
          }),
        );
      }),
    );
  });

  it("answers any token, score or comment on e-mail links and public pages without a server error", async () => {
    const path = fc.constantFrom(
      "/surveys/csat",
      "/notifications/open",
      "/notifications/unsubscribe",
      "/healthz",
      "/",
      "/auth/login",
    );
    await expectNoServerErrorNorWrite(
      fc.asyncProperty(path, query, fc.boolean(), async (pathname, params, post) => {
        const search = new URLSearchParams(params).toString();
        noServerError(
          await send(`${pathname}?${search}`, {
            method: post && pathname !== "/healthz" && pathname !== "/" ? "POST" : "GET",
            ...(post && pathname !== "/healthz" && pathname !== "/"
              ? {
                  headers: { "Content-Type": "application/x-www-form-urlencoded" },
                  body: search,
                }
              : {}),
          }),
        );
      }),
    );
  });
});
