import { randomUUID as createId } from "node:crypto";
import { db, sql, type Tx } from "../db.server";
import { valuesPlaceholders, type SqlValue } from "../platform/db/sql";
import type { CoPurchaseCounter } from "./model";

/**
 * Rows per INSERT or DELETE of a rebuild. Each is a statement of its own, so on SQLite's one
 * connection the shop's webhooks and page views run between them instead of waiting for the
 * whole rebuild (bench/benchmarks/recommendations.ts).
 */
const BATCH = 1_000;

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

/** Writes a rebuilt model as `generation`, beside the one being served. */
export async function writeGeneration(
  shopDomain: string,
  generation: number,
  counts: CoPurchaseCounter,
  orderShopifyIds: string[],
) {
  const now = new Date();
  await insertRows(
    "RecommendationOrder",
    ["id", "shopDomain", "generation", "orderShopifyId", "createdAt"],
    orderShopifyIds.map((orderShopifyId) => [
      createId(),
      shopDomain,
      generation,
      orderShopifyId,
      now,
    ]),
  );
  await insertRows(
    "RecommendationProductStat",
    ["id", "shopDomain", "generation", "productId", "orders"],
    [...counts.support].map(([productId, orders]) => [
      createId(),
      shopDomain,
      generation,
      productId,
      orders,
    ]),
  );
  await insertRows(
    "RecommendationPair",
    ["id", "shopDomain", "generation", "productA", "productB", "orders"],
    (function* () {
      for (const [productA, productB, orders] of counts.pairs()) {
        yield [createId(), shopDomain, generation, productA, productB, orders];
      }
    })(),
  );
  const neighbors = counts.neighbors();
  await insertRows(
    "RecommendationNeighbor",
    ["id", "shopDomain", "generation", "productId", "neighborId", "orders", "score"],
    neighbors.map((neighbor) => [
      createId(),
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
      const deleted = await sql.query(
        `DELETE FROM "${table}" WHERE "id" IN (
           SELECT "id" FROM "${table}"
            WHERE "shopDomain" = ? AND "generation" ${comparison} ? LIMIT ${BATCH})
         RETURNING "id"`,
        [shopDomain, generation],
      );
      if (deleted.length < BATCH) break;
    }
  }
}
