-- CreateIndex
CREATE INDEX "LoyaltyMember_shopDomain_balance_idx" ON "LoyaltyMember"("shopDomain", "balance");
