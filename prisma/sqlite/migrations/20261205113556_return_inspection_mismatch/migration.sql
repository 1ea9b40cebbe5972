-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReturnLine" (
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
    "mismatch" BOOLEAN NOT NULL DEFAULT false,
    "inspectedAt" DATETIME,
    CONSTRAINT "ReturnLine_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReturnLine" ("amount", "bonus", "customerNote", "exchangeVariantId", "exchangeVariantTitle", "fee", "fulfillmentLineItemShopifyId", "id", "lineItemShopifyId", "priceDifference", "quantity", "reason", "resolution", "returnId", "shopDomain", "shopifyId", "title", "unitPrice", "variantTitle") SELECT "amount", "bonus", "customerNote", "exchangeVariantId", "exchangeVariantTitle", "fee", "fulfillmentLineItemShopifyId", "id", "lineItemShopifyId", "priceDifference", "quantity", "reason", "resolution", "returnId", "shopDomain", "shopifyId", "title", "unitPrice", "variantTitle" FROM "ReturnLine";
DROP TABLE "ReturnLine";
ALTER TABLE "new_ReturnLine" RENAME TO "ReturnLine";
CREATE INDEX "ReturnLine_returnId_idx" ON "ReturnLine"("returnId");
CREATE INDEX "ReturnLine_shopDomain_lineItemShopifyId_idx" ON "ReturnLine"("shopDomain", "lineItemShopifyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReturnRequest_shopDomain_customerShopifyId_idx" ON "ReturnRequest"("shopDomain", "customerShopifyId");

-- CreateIndex
CREATE INDEX "ReturnRequest_shopDomain_email_idx" ON "ReturnRequest"("shopDomain", "email");
