-- CreateTable
CREATE TABLE "SupportConversation" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerShopifyId" TEXT,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "status" TEXT NOT NULL DEFAULT 'open',
    "assignee" TEXT,
    "context" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'assistant',
    "firstResponseAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "shopperSeenAt" TIMESTAMP(3),
    "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportConversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportConversationMessage" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "emailMessageId" TEXT,
    "emailStatus" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportConversationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportSavedReply" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportSavedReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportInboundToken" (
    "token" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportInboundToken_pkey" PRIMARY KEY ("token")
);

-- CreateIndex
CREATE INDEX "SupportConversation_shopDomain_status_lastMessageAt_idx" ON "SupportConversation"("shopDomain", "status", "lastMessageAt");

-- CreateIndex
CREATE INDEX "SupportConversation_shopDomain_orderShopifyId_idx" ON "SupportConversation"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE INDEX "SupportConversation_shopDomain_customerShopifyId_idx" ON "SupportConversation"("shopDomain", "customerShopifyId");

-- CreateIndex
CREATE INDEX "SupportConversationMessage_shopDomain_conversationId_create_idx" ON "SupportConversationMessage"("shopDomain", "conversationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupportConversationMessage_conversationId_emailMessageId_key" ON "SupportConversationMessage"("conversationId", "emailMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "SupportSavedReply_shopDomain_title_key" ON "SupportSavedReply"("shopDomain", "title");

-- CreateIndex
CREATE INDEX "SupportInboundToken_receivedAt_idx" ON "SupportInboundToken"("receivedAt");

-- AddForeignKey
ALTER TABLE "SupportConversationMessage" ADD CONSTRAINT "SupportConversationMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "SupportConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
