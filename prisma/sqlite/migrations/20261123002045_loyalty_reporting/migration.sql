-- AlterTable
ALTER TABLE "LoyaltyRedemption" ADD COLUMN "usedAt" DATETIME;
ALTER TABLE "LoyaltyRedemption" ADD COLUMN "usedOrderShopifyId" TEXT;
ALTER TABLE "LoyaltyRedemption" ADD COLUMN "usedOrderTotal" INTEGER;

-- CreateTable
CREATE TABLE "LoyaltyMonthTotal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "issued" INTEGER NOT NULL,
    "reversed" INTEGER NOT NULL,
    "redeemed" INTEGER NOT NULL,
    "expired" INTEGER NOT NULL,
    "adjusted" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyMonthTotal_shopDomain_month_key" ON "LoyaltyMonthTotal"("shopDomain", "month");

-- CreateIndex
CREATE INDEX "LoyaltyMember_shopDomain_balance_idx" ON "LoyaltyMember"("shopDomain", "balance");

-- CreateIndex
CREATE INDEX "LoyaltyRedemption_shopDomain_code_idx" ON "LoyaltyRedemption"("shopDomain", "code");

-- CreateIndex
CREATE INDEX "LoyaltyRedemption_shopDomain_usedAt_idx" ON "LoyaltyRedemption"("shopDomain", "usedAt");
