-- CreateTable
CREATE TABLE "ReturnAutoRefund" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'scheduled',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnAutoRefund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnAutoRefund_returnId_key" ON "ReturnAutoRefund"("returnId");

-- CreateIndex
CREATE INDEX "ReturnAutoRefund_shopDomain_state_idx" ON "ReturnAutoRefund"("shopDomain", "state");
