-- DropIndex
DROP INDEX "Order_customerId_idx";

-- CreateIndex
CREATE INDEX "Order_customerId_shopDomain_idx" ON "Order"("customerId", "shopDomain");

-- CreateIndex
CREATE INDEX "SurveyResponse_shopDomain_customerShopifyId_kind_idx" ON "SurveyResponse"("shopDomain", "customerShopifyId", "kind");
