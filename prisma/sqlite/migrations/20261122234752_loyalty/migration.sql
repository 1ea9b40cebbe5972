-- CreateTable
CREATE TABLE "LoyaltySettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "pointsPerUnit" INTEGER NOT NULL DEFAULT 1,
    "excludeShipping" BOOLEAN NOT NULL DEFAULT true,
    "excludeTaxes" BOOLEAN NOT NULL DEFAULT true,
    "excludeDiscounts" BOOLEAN NOT NULL DEFAULT true,
    "tagMultipliers" TEXT NOT NULL DEFAULT '[]',
    "returnWindowDays" INTEGER NOT NULL DEFAULT 30,
    "firstOrderBonus" INTEGER NOT NULL DEFAULT 0,
    "birthdayBonus" INTEGER NOT NULL DEFAULT 0,
    "surveyBonus" INTEGER NOT NULL DEFAULT 0,
    "referralBonus" INTEGER NOT NULL DEFAULT 0,
    "referralFriendPercent" INTEGER NOT NULL DEFAULT 10,
    "expiryInactiveDays" INTEGER NOT NULL DEFAULT 365,
    "expiryWarningDays" INTEGER NOT NULL DEFAULT 30,
    "tierBasis" TEXT NOT NULL DEFAULT 'points',
    "tiers" TEXT NOT NULL DEFAULT '[]',
    "rewards" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LoyaltyMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "customerShopifyId" TEXT NOT NULL,
    "email" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "tier" TEXT,
    "tierChangedAt" DATETIME,
    "lastActivityAt" DATETIME,
    "expiryWarnedAt" DATETIME,
    "birthday" TEXT,
    "referralCode" TEXT,
    "referralDiscountId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LoyaltyEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "pendingPoints" INTEGER NOT NULL DEFAULT 0,
    "orderShopifyId" TEXT,
    "refundShopifyId" TEXT,
    "redemptionId" TEXT,
    "note" TEXT,
    "actor" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoyaltyEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "LoyaltyMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoyaltyOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "customerShopifyId" TEXT,
    "orderName" TEXT,
    "currency" TEXT,
    "earnBase" INTEGER NOT NULL DEFAULT 0,
    "pointsEarned" INTEGER,
    "paidAt" DATETIME,
    "cancelledAt" DATETIME,
    "confirmAfter" DATETIME,
    "confirmedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LoyaltyRefund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "refundShopifyId" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "storeCredit" BOOLEAN NOT NULL DEFAULT false,
    "processedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LoyaltyRedemption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "rewardId" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "minimumOrder" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'holding',
    "code" TEXT,
    "discountId" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LoyaltyRedemption_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "LoyaltyMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoyaltyTierChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "fromTier" TEXT,
    "toTier" TEXT,
    "direction" TEXT NOT NULL,
    "qualifying" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoyaltyTierChange_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "LoyaltyMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoyaltyReferral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "friendCustomerShopifyId" TEXT NOT NULL,
    "friendEmail" TEXT,
    "orderShopifyId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltySettings_shopDomain_key" ON "LoyaltySettings"("shopDomain");

-- CreateIndex
CREATE INDEX "LoyaltyMember_shopDomain_email_idx" ON "LoyaltyMember"("shopDomain", "email");

-- CreateIndex
CREATE INDEX "LoyaltyMember_shopDomain_lastActivityAt_idx" ON "LoyaltyMember"("shopDomain", "lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyMember_shopDomain_customerShopifyId_key" ON "LoyaltyMember"("shopDomain", "customerShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyMember_shopDomain_referralCode_key" ON "LoyaltyMember"("shopDomain", "referralCode");

-- CreateIndex
CREATE INDEX "LoyaltyEntry_memberId_createdAt_idx" ON "LoyaltyEntry"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "LoyaltyEntry_shopDomain_createdAt_idx" ON "LoyaltyEntry"("shopDomain", "createdAt");

-- CreateIndex
CREATE INDEX "LoyaltyEntry_shopDomain_orderShopifyId_idx" ON "LoyaltyEntry"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyEntry_shopDomain_idempotencyKey_key" ON "LoyaltyEntry"("shopDomain", "idempotencyKey");

-- CreateIndex
CREATE INDEX "LoyaltyOrder_shopDomain_confirmAfter_idx" ON "LoyaltyOrder"("shopDomain", "confirmAfter");

-- CreateIndex
CREATE INDEX "LoyaltyOrder_shopDomain_customerShopifyId_idx" ON "LoyaltyOrder"("shopDomain", "customerShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyOrder_shopDomain_orderShopifyId_key" ON "LoyaltyOrder"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE INDEX "LoyaltyRefund_shopDomain_orderShopifyId_idx" ON "LoyaltyRefund"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyRefund_shopDomain_refundShopifyId_key" ON "LoyaltyRefund"("shopDomain", "refundShopifyId");

-- CreateIndex
CREATE INDEX "LoyaltyRedemption_shopDomain_memberId_idx" ON "LoyaltyRedemption"("shopDomain", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyRedemption_shopDomain_requestKey_key" ON "LoyaltyRedemption"("shopDomain", "requestKey");

-- CreateIndex
CREATE INDEX "LoyaltyTierChange_shopDomain_memberId_idx" ON "LoyaltyTierChange"("shopDomain", "memberId");

-- CreateIndex
CREATE INDEX "LoyaltyReferral_shopDomain_referrerId_idx" ON "LoyaltyReferral"("shopDomain", "referrerId");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyReferral_shopDomain_friendCustomerShopifyId_key" ON "LoyaltyReferral"("shopDomain", "friendCustomerShopifyId");
