-- CreateTable
CREATE TABLE "RecommendationEvent" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "customerShopifyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationAttribution" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "customerShopifyId" TEXT NOT NULL,
    "clickId" TEXT NOT NULL,
    "productIds" TEXT NOT NULL,
    "revenue" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "orderCreatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationAttribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationSettings" (
    "shopDomain" TEXT NOT NULL,
    "maxShown" INTEGER NOT NULL DEFAULT 4,
    "excludedTags" TEXT NOT NULL DEFAULT '',
    "excludedProducts" TEXT NOT NULL DEFAULT '',
    "attributionDays" INTEGER NOT NULL DEFAULT 7,
    "offerCode" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecommendationSettings_pkey" PRIMARY KEY ("shopDomain")
);

-- CreateTable
CREATE TABLE "RecommendationImport" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "bulkOperationId" TEXT,
    "status" TEXT NOT NULL,
    "objectCount" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RecommendationImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecommendationEvent_shopDomain_kind_createdAt_idx" ON "RecommendationEvent"("shopDomain", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "RecommendationEvent_shopDomain_customerShopifyId_kind_creat_idx" ON "RecommendationEvent"("shopDomain", "customerShopifyId", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationEvent_shopDomain_orderShopifyId_productId_kin_key" ON "RecommendationEvent"("shopDomain", "orderShopifyId", "productId", "kind");

-- CreateIndex
CREATE INDEX "RecommendationAttribution_shopDomain_orderCreatedAt_idx" ON "RecommendationAttribution"("shopDomain", "orderCreatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationAttribution_shopDomain_orderShopifyId_key" ON "RecommendationAttribution"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE INDEX "RecommendationImport_shopDomain_createdAt_idx" ON "RecommendationImport"("shopDomain", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationImport_shopDomain_bulkOperationId_key" ON "RecommendationImport"("shopDomain", "bulkOperationId");
