-- AlterTable
ALTER TABLE "LoyaltyRedemption" ADD COLUMN     "usedAt" TIMESTAMP(3),
ADD COLUMN     "usedOrderShopifyId" TEXT,
ADD COLUMN     "usedOrderTotal" INTEGER;

-- CreateTable
CREATE TABLE "LoyaltyMonthTotal" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "issued" INTEGER NOT NULL,
    "reversed" INTEGER NOT NULL,
    "redeemed" INTEGER NOT NULL,
    "expired" INTEGER NOT NULL,
    "adjusted" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoyaltyMonthTotal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyMonthTotal_shopDomain_month_key" ON "LoyaltyMonthTotal"("shopDomain", "month");

-- CreateIndex
CREATE INDEX "LoyaltyMember_shopDomain_balance_idx" ON "LoyaltyMember"("shopDomain", "balance");

-- CreateIndex
CREATE INDEX "LoyaltyRedemption_shopDomain_code_idx" ON "LoyaltyRedemption"("shopDomain", "code");

-- CreateIndex
CREATE INDEX "LoyaltyRedemption_shopDomain_usedAt_idx" ON "LoyaltyRedemption"("shopDomain", "usedAt");
