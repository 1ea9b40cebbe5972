-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RecommendationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "surface" TEXT NOT NULL DEFAULT 'thank_you',
    "customerShopifyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_RecommendationEvent" ("createdAt", "customerShopifyId", "id", "kind", "orderShopifyId", "productId", "shopDomain") SELECT "createdAt", "customerShopifyId", "id", "kind", "orderShopifyId", "productId", "shopDomain" FROM "RecommendationEvent";
DROP TABLE "RecommendationEvent";
ALTER TABLE "new_RecommendationEvent" RENAME TO "RecommendationEvent";
CREATE INDEX "RecommendationEvent_shopDomain_kind_createdAt_idx" ON "RecommendationEvent"("shopDomain", "kind", "createdAt");
CREATE INDEX "RecommendationEvent_shopDomain_customerShopifyId_kind_createdAt_idx" ON "RecommendationEvent"("shopDomain", "customerShopifyId", "kind", "createdAt");
CREATE UNIQUE INDEX "RecommendationEvent_shopDomain_orderShopifyId_productId_kind_surface_key" ON "RecommendationEvent"("shopDomain", "orderShopifyId", "productId", "kind", "surface");
CREATE TABLE "new_RecommendationAttribution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "customerShopifyId" TEXT NOT NULL,
    "clickId" TEXT NOT NULL,
    "surface" TEXT NOT NULL DEFAULT 'thank_you',
    "productIds" TEXT NOT NULL,
    "revenue" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "orderCreatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_RecommendationAttribution" ("clickId", "createdAt", "currency", "customerShopifyId", "id", "orderCreatedAt", "orderShopifyId", "productIds", "revenue", "shopDomain") SELECT "clickId", "createdAt", "currency", "customerShopifyId", "id", "orderCreatedAt", "orderShopifyId", "productIds", "revenue", "shopDomain" FROM "RecommendationAttribution";
DROP TABLE "RecommendationAttribution";
ALTER TABLE "new_RecommendationAttribution" RENAME TO "RecommendationAttribution";
CREATE INDEX "RecommendationAttribution_shopDomain_orderCreatedAt_idx" ON "RecommendationAttribution"("shopDomain", "orderCreatedAt");
CREATE INDEX "RecommendationAttribution_shopDomain_createdAt_idx" ON "RecommendationAttribution"("shopDomain", "createdAt");
CREATE UNIQUE INDEX "RecommendationAttribution_shopDomain_orderShopifyId_key" ON "RecommendationAttribution"("shopDomain", "orderShopifyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
