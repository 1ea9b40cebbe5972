-- CreateTable
CREATE TABLE "SupportAssistantQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "intent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SupportAssistantQuestion_shopDomain_createdAt_idx" ON "SupportAssistantQuestion"("shopDomain", "createdAt");
