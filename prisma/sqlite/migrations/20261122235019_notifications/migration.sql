-- CreateTable
CREATE TABLE "NotificationSettings" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "triggers" TEXT NOT NULL DEFAULT '{}',
    "fromName" TEXT,
    "replyTo" TEXT,
    "quietStart" TEXT,
    "quietEnd" TEXT,
    "openTracking" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NotificationMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "sendAfter" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "subject" TEXT,
    "smtpMessageId" TEXT,
    "sentAt" DATETIME,
    "openedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NotificationUnsubscribe" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
