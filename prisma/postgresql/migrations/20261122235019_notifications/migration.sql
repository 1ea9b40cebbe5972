-- CreateTable
CREATE TABLE "NotificationSettings" (
    "shopDomain" TEXT NOT NULL,
    "triggers" TEXT NOT NULL DEFAULT '{}',
    "fromName" TEXT,
    "replyTo" TEXT,
    "quietStart" TEXT,
    "quietEnd" TEXT,
    "openTracking" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("shopDomain")
);

-- CreateTable
CREATE TABLE "NotificationMessage" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "customerShopifyId" TEXT,
    "orderShopifyId" TEXT,
    "orderName" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "data" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "detail" TEXT,
    "sendAfter" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "subject" TEXT,
    "smtpMessageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationUnsubscribe" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationUnsubscribe_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationMessage_shopDomain_createdAt_idx" ON "NotificationMessage"("shopDomain", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationMessage_shopDomain_orderName_idx" ON "NotificationMessage"("shopDomain", "orderName");

-- CreateIndex
CREATE INDEX "NotificationMessage_shopDomain_recipient_idx" ON "NotificationMessage"("shopDomain", "recipient");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationMessage_shopDomain_trigger_subjectKey_key" ON "NotificationMessage"("shopDomain", "trigger", "subjectKey");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationUnsubscribe_shopDomain_email_key" ON "NotificationUnsubscribe"("shopDomain", "email");
