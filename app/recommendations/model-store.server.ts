import { randomUUID as createId } from "node:crypto";
import { db, sql, type Tx } from "../db.server";
import { listPlaceholders, valuesPlaceholders, type SqlValue } from "../platform/db/sql";
import { compareCodeUnits, type CoPurchaseCounter } from "./model";

/**
 * Rows per INSERT or DELETE of a rebuild. Each is a statement of its own, so on SQLite's one
 * connection the shop's webhooks and page views run between them instead of waiting for the
 * whole rebuild (bench/benchmarks/recommendations.ts).
 */
const BATCH = 1_000;

/**
 * Rows per DELETE of an old generation. The rows' random ids spread each batch over the pages of
 * every index, and each statement rewrites the pages it touched: deleting 150,000 pairs took
 * 52 s in batches of 1,000 and 18 s in batches of 10,000 (a bare libsql script, same indexes, on
 * a busy machine); requests still run between the statements.
 */
const DELETE_BATCH = 10_000;

const GENERATION_TABLES = [
  "RecommendationOrder",
  "RecommendationProductStat",
  "RecommendationPair",
  "RecommendationNeighbor",
] as const;

/** The generation of the shop's model that is served (0 before its first rebuild). */
export async function servedGeneration(client: Tx, shopDomain: string) {
  const model = await client.recommendationModel.findUnique({
    where: { shopDomain },
    select: { generation: true },
  });
  return model?.generation ?? 0;
}

/**
 * What serving reads from the served generation: the basket's stored neighbours and the best
 * sellers. Raw SQL, as every statement of a recommendations request (app/platform/db/sql.ts).
 */
export async function servingModel(shopDomain: string, basket: string[], bestSellerCount: number) {
  const [model] = await sql.query<{ generation: number }>(
    `SELECT "generation" FROM "RecommendationModel" WHERE "shopDomain" = ?`,
    [shopDomain],
  );
  const generation = Number(model?.generation ?? 0);
  const [neighbors, bestSellers] = await Promise.all([
    basket.length
      ? sql.query<{ productId: string; neighborId: string; orders: number; score: number }>(
          `SELECT "productId", "neighborId", "orders", "score" FROM "RecommendationNeighbor"
            WHERE "shopDomain" = ? AND "generation" = ? AND "productId" IN (${listPlaceholders(basket.length)})`,
          [shopDomain, generation, ...basket],
        )
      : [],
    sql.query<{ productId: string }>(
      `SELECT "productId" FROM "RecommendationProductStat"
        WHERE "shopDomain" = ? AND "generation" = ? ORDER BY "orders" DESC LIMIT ?`,
      [shopDomain, generation, bestSellerCount],
    ),
  ]);
  return {
    generation,
    neighbors: neighbors.map((row) => ({
      ...row,
      orders: Number(row.orders),
      score: Number(row.score),
    })),
    bestSellers: bestSellers.map((row) => row.productId),
  };
}

/** How many orders of the generation hold each of these products. */
export async function productSupport(shopDomain: string, generation: number, productIds: string[]) {
  if (productIds.length === 0) return new Map<string, number>();
  const rows = await sql.query<{ productId: string; orders: number }>(
    `SELECT "productId", "orders" FROM "RecommendationProductStat"
      WHERE "shopDomain" = ? AND "generation" = ? AND "productId" IN (${listPlaceholders(productIds.length)})`,
    [shopDomain, generation, ...productIds],
  );
  return new Map(rows.map((row) => [row.productId, Number(row.orders)]));
}

async function insertRows(table: string, columns: string[], rows: Iterable<SqlValue[]>) {
  let batch: SqlValue[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    await sql.query(
      `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")})
       VALUES ${valuesPlaceholders(batch.length, columns.length)}`,
      batch.flat(),
    );
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) await flush();
  }
  await flush();
}

/**
 * Ids for one rebuild's rows: a random prefix, then a counter. Rows written in their unique key's
 * order then append to the primary key's index too, instead of landing on a random page each.
 */
function sequentialIds() {
  const prefix = createId();
  let next = 0;
  return () => `${prefix}-${(next++).toString(36).padStart(8, "0")}`;
}

/**
 * Writes a rebuilt model as `generation`, beside the one being served, each table in the order of
 * its unique key (see `sequentialIds`).
 */
export async function writeGeneration(
  shopDomain: string,
  generation: number,
  counts: CoPurchaseCounter,
  orderShopifyIds: string[],
) {
  const now = new Date();
  const id = sequentialIds();
  await insertRows(
    "RecommendationOrder",
    ["id", "shopDomain", "generation", "orderShopifyId", "createdAt"],
    (function* () {
      for (const orderShopifyId of [...orderShopifyIds].sort(compareCodeUnits)) {
        yield [id(), shopDomain, generation, orderShopifyId, now];
      }
    })(),
  );
  await insertRows(
    "RecommendationProductStat",
    ["id", "shopDomain", "generation", "productId", "orders"],
    [...counts.support]
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([productId, orders]) => [id(), shopDomain, generation, productId, orders]),
  );
  await insertRows(
    "RecommendationPair",
    ["id", "shopDomain", "generation", "productA", "productB", "orders"],
    (function* () {
      for (const [productA, productB, orders] of counts.pairs()) {
        yield [id(), shopDomain, generation, productA, productB, orders];
      }
    })(),
  );
  const neighbors = counts
    .neighbors()
    .sort(
      (a, b) =>
        compareCodeUnits(a.productId, b.productId) || compareCodeUnits(a.neighborId, b.neighborId),
    );
  await insertRows(
    "RecommendationNeighbor",
    ["id", "shopDomain", "generation", "productId", "neighborId", "orders", "score"],
    neighbors.map((neighbor) => [
      id(),
      shopDomain,
      generation,
      neighbor.productId,
      neighbor.neighborId,
      neighbor.orders,
      neighbor.score,
    ]),
  );
  return { neighbors: neighbors.length };
}

/** Serves `generation` from now on. */
export async function switchGeneration(
  shopDomain: string,
  generation: number,
  totals: { orders: number; products: number; pairs: number },
) {
  const data = { generation, ...totals, builtAt: new Date() };
  await db.recommendationModel.upsert({
    where: { shopDomain },
    create: { shopDomain, ...data },
    update: data,
  });
}

/** Deletes, a batch at a time, the shop's model rows older (or newer) than `generation`. */
export async function deleteGenerations(
  shopDomain: string,
  which: "older" | "newer",
  generation: number,
) {
  const comparison = which === "older" ? "<" : ">";
  for (const table of GENERATION_TABLES) {
    for (;;) {
      const deleted = await sql.execute(
        `DELETE FROM "${table}" WHERE "id" IN (
           SELECT "id" FROM "${table}"
            WHERE "shopDomain" = ? AND "generation" ${comparison} ? LIMIT ${DELETE_BATCH})`,
        [shopDomain, generation],
      );
      if (deleted < DELETE_BATCH) break;
    }
  }
}
