/**
 * The floor for shopper tracking lookups: a bare node:http server that checks the App Proxy
 * signature (or the session token's HS256 signature), runs the same two indexed statements the
 * app needs (the order; its fulfillments' shipments joined with their scans) and answers JSON.
 * No framework, no ORM, no rendering, no rate limiting, no view recorded.
 */
import http from "node:http";
import { connect, validProxySignature, verifiedTokenClaims } from "./shared";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
const query = connect(process.env.DATABASE_URL ?? "");
const port = Number(process.env.PORT);

async function shipmentsOf(shop: string, orderShopifyId: string) {
  return query(
    `SELECT s.*, c."occurredAt" AS "scanAt", c."tag" AS "scanTag", c."message" AS "scanMessage",
            c."city" AS "scanCity", c."country" AS "scanCountry"
       FROM "TrackingFulfillment" f
       JOIN "TrackingShipment" s ON s."fulfillmentId" = f."id"
       LEFT JOIN "TrackingCheckpoint" c ON c."fulfillmentId" = f."id"
            AND (c."shipmentId" IS NULL OR c."shipmentId" = s."id")
      WHERE f."shopDomain" = ? AND f."orderShopifyId" = ?
      ORDER BY s."id", c."occurredAt" DESC`,
    [shop, orderShopifyId],
  );
}

http
  .createServer(async (request, response) => {
    const requestUrl = new URL(request.url ?? "/", "http://floor");
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (requestUrl.pathname === "/proxy/track") {
      const params = requestUrl.searchParams;
      if (!validProxySignature(secret, params)) return send(400, { error: "signature" });
      const shop = params.get("shop") ?? "";
      const [order] = await query(
        'SELECT "shopifyId", "email" FROM "Order" WHERE "shopDomain" = ? AND "name" = ? LIMIT 1',
        [shop, params.get("order") ?? ""],
      );
      if (!order || order.email !== params.get("email")) return send(404, { error: "notFound" });
      return send(200, await shipmentsOf(shop, String(order.shopifyId)));
    }
    const match = /^\/api\/tracking\/orders\/(\d+)$/.exec(requestUrl.pathname);
    if (match) {
      const claims = verifiedTokenClaims(secret, request.headers.authorization);
      if (!claims) return send(401, { error: "token" });
      const shop = new URL(claims.dest).hostname;
      const [order] = await query(
        'SELECT o."shopifyId", c."shopifyId" AS "customer" FROM "Order" o LEFT JOIN "Customer" c ON c."id" = o."customerId" WHERE o."shopDomain" = ? AND o."shopifyId" = ? LIMIT 1',
        [shop, match[1]!],
      );
      if (!order || `gid://shopify/Customer/${order.customer}` !== claims.sub) {
        return send(404, { error: "not_found" });
      }
      return send(200, await shipmentsOf(shop, String(order.shopifyId)));
    }
    send(200, { ready: true });
  })
  .listen(port, "127.0.0.1", () => console.log(`tracking floor listening on ${port}`));
