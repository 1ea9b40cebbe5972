-- CreateTable
CREATE TABLE "ReturnPolicyVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "policy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReturnRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "shopifyId" TEXT,
    "orderShopifyId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "email" TEXT,
    "customerShopifyId" TEXT,
    "locale" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "shopifyStatus" TEXT,
    "source" TEXT NOT NULL DEFAULT 'portal',
    "note" TEXT,
    "declineReason" TEXT,
    "currency" TEXT NOT NULL,
    "shippingFee" INTEGER NOT NULL DEFAULT 0,
    "totalAmount" INTEGER NOT NULL DEFAULT 0,
    "decision" TEXT NOT NULL DEFAULT '{}',
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" DATETIME,
    "declinedAt" DATETIME,
    "receivedAt" DATETIME,
    "closedAt" DATETIME,
    "processedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReturnLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "lineItemShopifyId" TEXT NOT NULL,
    "fulfillmentLineItemShopifyId" TEXT,
    "shopifyId" TEXT,
    "title" TEXT NOT NULL,
    "variantTitle" TEXT,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "customerNote" TEXT,
    "resolution" TEXT NOT NULL,
    "unitPrice" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "fee" INTEGER NOT NULL DEFAULT 0,
    "bonus" INTEGER NOT NULL DEFAULT 0,
    "exchangeVariantId" TEXT,
    "exchangeVariantTitle" TEXT,
    "priceDifference" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReturnLine_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "lineId" TEXT,
    "storage" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturnPhoto_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnLabel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerRef" TEXT,
    "carrier" TEXT,
    "service" TEXT,
    "trackingNumber" TEXT NOT NULL,
    "trackingUrl" TEXT,
    "storageKey" TEXT,
    "cost" INTEGER,
    "currency" TEXT,
    "reverseDeliveryShopifyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturnLabel_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "detail" TEXT,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturnEvent_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnPolicyVersion_shopDomain_key" ON "ReturnPolicyVersion"("shopDomain");

-- CreateIndex
CREATE INDEX "ReturnRequest_shopDomain_status_requestedAt_idx" ON "ReturnRequest"("shopDomain", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_shopDomain_orderShopifyId_idx" ON "ReturnRequest"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRequest_shopDomain_idempotencyKey_key" ON "ReturnRequest"("shopDomain", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRequest_shopDomain_shopifyId_key" ON "ReturnRequest"("shopDomain", "shopifyId");

-- CreateIndex
CREATE INDEX "ReturnLine_returnId_idx" ON "ReturnLine"("returnId");

-- CreateIndex
CREATE INDEX "ReturnLine_shopDomain_lineItemShopifyId_idx" ON "ReturnLine"("shopDomain", "lineItemShopifyId");

-- CreateIndex
CREATE INDEX "ReturnPhoto_returnId_idx" ON "ReturnPhoto"("returnId");

-- CreateIndex
CREATE INDEX "ReturnLabel_returnId_idx" ON "ReturnLabel"("returnId");

-- CreateIndex
CREATE INDEX "ReturnLabel_shopDomain_trackingNumber_idx" ON "ReturnLabel"("shopDomain", "trackingNumber");

-- CreateIndex
CREATE INDEX "ReturnEvent_returnId_occurredAt_idx" ON "ReturnEvent"("returnId", "occurredAt");
