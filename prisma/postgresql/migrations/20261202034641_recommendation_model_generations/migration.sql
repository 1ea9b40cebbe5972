-- DropIndex
DROP INDEX "RecommendationProductStat_shopDomain_orders_idx";

-- DropIndex
DROP INDEX "RecommendationProductStat_shopDomain_productId_key";

-- DropIndex
DROP INDEX "RecommendationPair_shopDomain_productB_idx";

-- DropIndex
DROP INDEX "RecommendationPair_shopDomain_productA_productB_key";

-- DropIndex
DROP INDEX "RecommendationOrder_shopDomain_orderShopifyId_key";

-- AlterTable
ALTER TABLE "RecommendationProductStat" ADD COLUMN     "generation" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "RecommendationPair" ADD COLUMN     "generation" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "RecommendationOrder" ADD COLUMN     "generation" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RecommendationModel" (
    "shopDomain" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "products" INTEGER NOT NULL DEFAULT 0,
    "pairs" INTEGER NOT NULL DEFAULT 0,
    "builtAt" TIMESTAMP(3),

    CONSTRAINT "RecommendationModel_pkey" PRIMARY KEY ("shopDomain")
);

-- CreateTable
CREATE TABLE "RecommendationNeighbor" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "productId" TEXT NOT NULL,
    "neighborId" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RecommendationNeighbor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationNeighbor_shopDomain_generation_productId_neig_key" ON "RecommendationNeighbor"("shopDomain", "generation", "productId", "neighborId");

-- CreateIndex
CREATE INDEX "RecommendationProductStat_shopDomain_generation_orders_idx" ON "RecommendationProductStat"("shopDomain", "generation", "orders");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationProductStat_shopDomain_generation_productId_key" ON "RecommendationProductStat"("shopDomain", "generation", "productId");

-- CreateIndex
CREATE INDEX "RecommendationPair_shopDomain_generation_productB_idx" ON "RecommendationPair"("shopDomain", "generation", "productB");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationPair_shopDomain_generation_productA_productB_key" ON "RecommendationPair"("shopDomain", "generation", "productA", "productB");

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationOrder_shopDomain_generation_orderShopifyId_key" ON "RecommendationOrder"("shopDomain", "generation", "orderShopifyId");
