-- CreateTable
CREATE TABLE "SupportAssistantQuestion" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "intent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportAssistantQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupportAssistantQuestion_shopDomain_createdAt_idx" ON "SupportAssistantQuestion"("shopDomain", "createdAt");
