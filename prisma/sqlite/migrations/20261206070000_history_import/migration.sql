-- CreateTable
CREATE TABLE "HistoryImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "bulkOperationId" TEXT,
    "months" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "objectCount" INTEGER NOT NULL DEFAULT 0,
    "linesRead" INTEGER NOT NULL DEFAULT 0,
    "ordersRead" INTEGER NOT NULL DEFAULT 0,
    "ordersApplied" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "heartbeatAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "HistoryImport_shopDomain_createdAt_idx" ON "HistoryImport"("shopDomain", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HistoryImport_shopDomain_bulkOperationId_key" ON "HistoryImport"("shopDomain", "bulkOperationId");
