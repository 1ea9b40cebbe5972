-- CreateTable
CREATE TABLE "SupportConversationAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "storage" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SupportConversationAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "SupportConversationMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupportLanguageModelSettings" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "baseUrl" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "apiKeySealed" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SupportConversationAttachment_shopDomain_conversationId_idx" ON "SupportConversationAttachment"("shopDomain", "conversationId");

-- CreateIndex
CREATE INDEX "SupportConversationAttachment_messageId_idx" ON "SupportConversationAttachment"("messageId");
