/**
 * The floor for shopper tracking lookups: a bare node:http server that checks the App Proxy
 * signature (or the session token's HS256 signature), runs the same three indexed queries the
 * app needs (the order, its fulfillments' shipments, their scans) and answers JSON. No
 * framework, no ORM, no rendering, no rate limiting.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { Sqlite3Client } from "@libsql/client/sqlite3";
import Database from "libsql";
import pg from "pg";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
const url = process.env.DATABASE_URL ?? "";
const port = Number(process.env.PORT);

type Query = (sql: string, args: string[]) => Promise<Record<string, unknown>[]>;
let query: Query;
if (url.startsWith("postgres")) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  query = async (sql, args) => {
    let position = 0;
    return (
      await pool.query(
        sql.replace(/\?/g, () => `$${++position}`),
        args,
      )
    ).rows;
  };
} else {
  const path = url.replace(/^file:/, "");
  const options = { timeout: 10_000 };
  const client = new Sqlite3Client(path, options, new Database(path, options), "number");
  query = async (sql, args) =>
    (await client.execute({ sql, args })).rows as unknown as Record<string, unknown>[];
}

function sameDigest(given: Buffer, expected: Buffer) {
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function validProxySignature(params: URLSearchParams) {
  const signature = params.get("signature") ?? "";
  const message = [...new Set(params.keys())]
    .filter((key) => key !== "signature")
    .sort()
    .map((key) => `${key}=${params.getAll(key).join(",")}`)
    .join("");
  const expected = createHmac("sha256", secret).update(message).digest();
  return sameDigest(Buffer.from(signature, "hex"), expected);
}

function verifiedTokenClaims(header: string | undefined) {
  const [head, payload, signature] = (header ?? "").replace(/^Bearer /, "").split(".");
  if (!head || !payload || !signature) return null;
  const expected = createHmac("sha256", secret).update(`${head}.${payload}`).digest();
  if (!sameDigest(Buffer.from(signature, "base64url"), expected)) return null;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
    dest: string;
    sub: string;
  };
}

async function shipmentsOf(shop: string, orderShopifyId: string) {
  const shipments = await query(
    'SELECT s.* FROM "TrackingFulfillment" f JOIN "TrackingShipment" s ON s."fulfillmentId" = f."id" WHERE f."shopDomain" = ? AND f."orderShopifyId" = ?',
    [shop, orderShopifyId],
  );
  const checkpoints = shipments.length
    ? await query(
        `SELECT * FROM "TrackingCheckpoint" WHERE "fulfillmentId" IN (${shipments.map(() => "?").join(",")}) ORDER BY "occurredAt" DESC`,
        shipments.map((shipment) => String(shipment.fulfillmentId)),
      )
    : [];
  return { shipments, checkpoints };
}

http
  .createServer(async (request, response) => {
    const requestUrl = new URL(request.url ?? "/", "http://floor");
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (requestUrl.pathname === "/proxy/track") {
      const params = requestUrl.searchParams;
      if (!validProxySignature(params)) return send(400, { error: "signature" });
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
      const claims = verifiedTokenClaims(request.headers.authorization);
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
