-- CreateTable
CREATE TABLE "ReturnAutoRefund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'scheduled',
    "dueAt" DATETIME NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnAutoRefund_returnId_key" ON "ReturnAutoRefund"("returnId");

-- CreateIndex
CREATE INDEX "ReturnAutoRefund_shopDomain_state_idx" ON "ReturnAutoRefund"("shopDomain", "state");
