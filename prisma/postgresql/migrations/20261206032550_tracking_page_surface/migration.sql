-- DropIndex
DROP INDEX "RecommendationEvent_shopDomain_orderShopifyId_productId_kin_key";

-- AlterTable
ALTER TABLE "RecommendationEvent" ADD COLUMN     "surface" TEXT NOT NULL DEFAULT 'thank_you';

-- AlterTable
ALTER TABLE "RecommendationAttribution" ADD COLUMN     "surface" TEXT NOT NULL DEFAULT 'thank_you';

-- CreateIndex
CREATE UNIQUE INDEX "RecommendationEvent_shopDomain_orderShopifyId_productId_kin_key" ON "RecommendationEvent"("shopDomain", "orderShopifyId", "productId", "kind", "surface");
