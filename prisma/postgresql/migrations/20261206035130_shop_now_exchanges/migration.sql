-- CreateTable
CREATE TABLE "ReturnExchange" (
    "id" TEXT NOT NULL,
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
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnExchange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnExchange_returnId_key" ON "ReturnExchange"("returnId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnExchange_shopDomain_draftOrderShopifyId_key" ON "ReturnExchange"("shopDomain", "draftOrderShopifyId");

-- AddForeignKey
ALTER TABLE "ReturnExchange" ADD CONSTRAINT "ReturnExchange_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
