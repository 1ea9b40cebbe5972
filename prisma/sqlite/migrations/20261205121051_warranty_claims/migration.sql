-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReturnRequest" (
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
    "kind" TEXT NOT NULL DEFAULT 'return',
    "claimOutcome" TEXT,
    "replacementOrderShopifyId" TEXT,
    "replacementOrderName" TEXT,
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
INSERT INTO "new_ReturnRequest" ("approvedAt", "closedAt", "createdAt", "currency", "customerShopifyId", "decision", "declineReason", "declinedAt", "email", "id", "idempotencyKey", "locale", "note", "orderName", "orderShopifyId", "processedAt", "receivedAt", "requestedAt", "shippingFee", "shopDomain", "shopifyId", "shopifyStatus", "source", "status", "totalAmount", "updatedAt") SELECT "approvedAt", "closedAt", "createdAt", "currency", "customerShopifyId", "decision", "declineReason", "declinedAt", "email", "id", "idempotencyKey", "locale", "note", "orderName", "orderShopifyId", "processedAt", "receivedAt", "requestedAt", "shippingFee", "shopDomain", "shopifyId", "shopifyStatus", "source", "status", "totalAmount", "updatedAt" FROM "ReturnRequest";
DROP TABLE "ReturnRequest";
ALTER TABLE "new_ReturnRequest" RENAME TO "ReturnRequest";
CREATE INDEX "ReturnRequest_shopDomain_status_requestedAt_idx" ON "ReturnRequest"("shopDomain", "status", "requestedAt");
CREATE INDEX "ReturnRequest_shopDomain_requestedAt_idx" ON "ReturnRequest"("shopDomain", "requestedAt");
CREATE INDEX "ReturnRequest_shopDomain_updatedAt_idx" ON "ReturnRequest"("shopDomain", "updatedAt");
CREATE INDEX "ReturnRequest_shopDomain_orderShopifyId_idx" ON "ReturnRequest"("shopDomain", "orderShopifyId");
CREATE INDEX "ReturnRequest_shopDomain_customerShopifyId_idx" ON "ReturnRequest"("shopDomain", "customerShopifyId");
CREATE INDEX "ReturnRequest_shopDomain_email_idx" ON "ReturnRequest"("shopDomain", "email");
CREATE UNIQUE INDEX "ReturnRequest_shopDomain_idempotencyKey_key" ON "ReturnRequest"("shopDomain", "idempotencyKey");
CREATE UNIQUE INDEX "ReturnRequest_shopDomain_shopifyId_key" ON "ReturnRequest"("shopDomain", "shopifyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
