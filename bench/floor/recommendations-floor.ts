/**
 * The floor for the recommendations endpoint: a bare node:http server that checks the session
 * token's HS256 signature and runs the queries the answer cannot do without (the order and its
 * customer, its products and the served model generation, the basket's stored neighbours, the
 * best sellers, the catalog rows and support of a shortlist), answering JSON. No framework, no ORM,
 * no scoring, no CORS.
 */
import http from "node:http";
import { connect, verifiedTokenClaims } from "./shared";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
const query = connect(process.env.DATABASE_URL ?? "");
const port = Number(process.env.PORT);
const marks = (values: unknown[]) => values.map(() => "?").join(", ");

async function recommendations(shop: string, orderId: string) {
  const [lines, [model]] = await Promise.all([
    query('SELECT "productId" FROM "OrderLineItem" WHERE "orderId" = ?', [orderId]),
    query('SELECT "generation" FROM "RecommendationModel" WHERE "shopDomain" = ?', [shop]),
  ]);
  const generation = Number(model?.generation ?? 0);
  const basket = [...new Set(lines.map((line) => String(line.productId)))];
  const [neighbors, bestSellers] = await Promise.all([
    query(
      `SELECT "productId", "neighborId", "orders", "score" FROM "RecommendationNeighbor"
        WHERE "shopDomain" = ? AND "generation" = ? AND "productId" IN (${marks(basket)})`,
      [shop, generation, ...basket],
    ),
    query(
      'SELECT "productId" FROM "RecommendationProductStat" WHERE "shopDomain" = ? AND "generation" = ? ORDER BY "orders" DESC LIMIT 40',
      [shop, generation],
    ),
  ]);
  // As many rows as the app looks up: a shortlist of 40 candidates and the best sellers.
  const shortlist = [
    ...new Set([
      ...neighbors.map((row) => String(row.neighborId)).filter((id) => !basket.includes(id)),
      ...bestSellers.map((row) => String(row.productId)),
    ]),
  ].slice(0, 80);
  const [products, support] = await Promise.all([
    query(
      `SELECT * FROM "RecommendationProduct" WHERE "shopDomain" = ? AND "shopifyId" IN (${marks(shortlist)}) AND "available" = ?`,
      [shop, ...shortlist, true],
    ),
    query(
      `SELECT "productId", "orders" FROM "RecommendationProductStat" WHERE "shopDomain" = ? AND "generation" = ? AND "productId" IN (${marks([...basket, ...shortlist])})`,
      [shop, generation, ...basket, ...shortlist],
    ),
  ]);
  return { neighbors: neighbors.length, support: support.length, products: products.slice(0, 4) };
}

http
  .createServer(async (request, response) => {
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    const match = /^\/api\/recommendations\/orders\/(\d+)$/.exec(request.url ?? "/");
    if (!match) return send(200, { ready: true });
    const claims = verifiedTokenClaims(secret, request.headers.authorization);
    if (!claims) return send(401, { error: "token" });
    const shop = new URL(claims.dest).hostname;
    const [order] = await query(
      'SELECT o."id", c."shopifyId" AS "customer" FROM "Order" o LEFT JOIN "Customer" c ON c."id" = o."customerId" WHERE o."shopDomain" = ? AND o."shopifyId" = ? LIMIT 1',
      [shop, match[1]!],
    );
    if (!order || `gid://shopify/Customer/${order.customer}` !== claims.sub) {
      return send(404, { error: "not_found" });
    }
    send(200, await recommendations(shop, String(order.id)));
  })
  .listen(port, "127.0.0.1", () => console.log(`recommendations floor listening on ${port}`));
