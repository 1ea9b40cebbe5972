-- CreateTable
CREATE TABLE "RecommendationProduct" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "imageUrl" TEXT,
    "price" INTEGER NOT NULL,
    "variantId" TEXT,
    "available" BOOLEAN NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RecommendationProductStat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "RecommendationPair" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "productA" TEXT NOT NULL,
    "productB" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "RecommendationOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "orderShopifyId" TEXT,
    "customerShopifyId" TEXT,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "reasons" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SurveyAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationProduct_shopDomain_shopifyId_key" ON "RecommendationProduct"("shopDomain", "shopifyId");

-- CreateIndex
CREATE INDEX "RecommendationProductStat_shopDomain_orders_idx" ON "RecommendationProductStat"("shopDomain", "orders");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationProductStat_shopDomain_productId_key" ON "RecommendationProductStat"("shopDomain", "productId");

-- CreateIndex
CREATE INDEX "RecommendationPair_shopDomain_productB_idx" ON "RecommendationPair"("shopDomain", "productB");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationPair_shopDomain_productA_productB_key" ON "RecommendationPair"("shopDomain", "productA", "productB");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationOrder_shopDomain_orderShopifyId_key" ON "RecommendationOrder"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE INDEX "SurveyResponse_shopDomain_kind_createdAt_idx" ON "SurveyResponse"("shopDomain", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_shopDomain_kind_subjectKey_key" ON "SurveyResponse"("shopDomain", "kind", "subjectKey");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAlert_responseId_key" ON "SurveyAlert"("responseId");

-- CreateIndex
CREATE INDEX "SurveyAlert_shopDomain_resolvedAt_idx" ON "SurveyAlert"("shopDomain", "resolvedAt");
