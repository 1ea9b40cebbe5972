-- CreateTable
CREATE TABLE "RecommendationModel" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "products" INTEGER NOT NULL DEFAULT 0,
    "pairs" INTEGER NOT NULL DEFAULT 0,
    "builtAt" DATETIME
);

-- CreateTable
CREATE TABLE "RecommendationNeighbor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "productId" TEXT NOT NULL,
    "neighborId" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "score" REAL NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RecommendationProductStat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "productId" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_RecommendationProductStat" ("id", "orders", "productId", "shopDomain") SELECT "id", "orders", "productId", "shopDomain" FROM "RecommendationProductStat";
DROP TABLE "RecommendationProductStat";
ALTER TABLE "new_RecommendationProductStat" RENAME TO "RecommendationProductStat";
CREATE INDEX "RecommendationProductStat_shopDomain_generation_orders_idx" ON "RecommendationProductStat"("shopDomain", "generation", "orders");
CREATE UNIQUE INDEX "RecommendationProductStat_shopDomain_generation_productId_key" ON "RecommendationProductStat"("shopDomain", "generation", "productId");
CREATE TABLE "new_RecommendationPair" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "productA" TEXT NOT NULL,
    "productB" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_RecommendationPair" ("id", "orders", "productA", "productB", "shopDomain") SELECT "id", "orders", "productA", "productB", "shopDomain" FROM "RecommendationPair";
DROP TABLE "RecommendationPair";
ALTER TABLE "new_RecommendationPair" RENAME TO "RecommendationPair";
CREATE INDEX "RecommendationPair_shopDomain_generation_productB_idx" ON "RecommendationPair"("shopDomain", "generation", "productB");
CREATE UNIQUE INDEX "RecommendationPair_shopDomain_generation_productA_productB_key" ON "RecommendationPair"("shopDomain", "generation", "productA", "productB");
CREATE TABLE "new_RecommendationOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "orderShopifyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_RecommendationOrder" ("createdAt", "id", "orderShopifyId", "shopDomain") SELECT "createdAt", "id", "orderShopifyId", "shopDomain" FROM "RecommendationOrder";
DROP TABLE "RecommendationOrder";
ALTER TABLE "new_RecommendationOrder" RENAME TO "RecommendationOrder";
CREATE UNIQUE INDEX "RecommendationOrder_shopDomain_generation_orderShopifyId_key" ON "RecommendationOrder"("shopDomain", "generation", "orderShopifyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationNeighbor_shopDomain_generation_productId_neighborId_key" ON "RecommendationNeighbor"("shopDomain", "generation", "productId", "neighborId");
