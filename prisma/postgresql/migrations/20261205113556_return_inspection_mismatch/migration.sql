-- AlterTable
ALTER TABLE "ReturnLine" ADD COLUMN     "inspectedAt" TIMESTAMP(3),
ADD COLUMN     "mismatch" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ReturnRequest_shopDomain_customerShopifyId_idx" ON "ReturnRequest"("shopDomain", "customerShopifyId");

-- CreateIndex
CREATE INDEX "ReturnRequest_shopDomain_email_idx" ON "ReturnRequest"("shopDomain", "email");
