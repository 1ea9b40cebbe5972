-- CreateTable
CREATE TABLE "ReturnExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "returnedValue" INTEGER NOT NULL,
    "bonus" INTEGER NOT NULL,
    "credit" INTEGER NOT NULL,
    "subtotal" INTEGER NOT NULL,
    "upcharge" INTEGER NOT NULL,
    "remainder" INTEGER NOT NULL,
    "remainderAs" TEXT NOT NULL,
    "instant" BOOLEAN NOT NULL DEFAULT false,
    "items" TEXT NOT NULL,
    "draftOrderShopifyId" TEXT NOT NULL,
    "invoiceUrl" TEXT,
    "orderShopifyId" TEXT,
    "orderName" TEXT,
    "paidAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReturnExchange_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnExchange_returnId_key" ON "ReturnExchange"("returnId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnExchange_shopDomain_draftOrderShopifyId_key" ON "ReturnExchange"("shopDomain", "draftOrderShopifyId");
