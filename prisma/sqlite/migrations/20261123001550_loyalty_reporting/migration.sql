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
