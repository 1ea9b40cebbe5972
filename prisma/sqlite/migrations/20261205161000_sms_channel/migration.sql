-- CreateTable
CREATE TABLE "SmsContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "customerShopifyId" TEXT,
    "orderPhone" TEXT,
    "customerPhone" TEXT,
    "countryCode" TEXT,
    "marketingState" TEXT,
    "marketingOptInLevel" TEXT,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SmsLink" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "firstClickedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NotificationSettings" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "triggers" TEXT NOT NULL DEFAULT '{}',
    "fromName" TEXT,
    "replyTo" TEXT,
    "quietStart" TEXT,
    "quietEnd" TEXT,
    "openTracking" BOOLEAN NOT NULL DEFAULT false,
    "smsAccountSid" TEXT,
    "smsAuthTokenSealed" TEXT,
    "smsFromNumber" TEXT,
    "smsMessagingServiceSid" TEXT,
    "smsHelpText" TEXT,
    "smsPricePerSegment" INTEGER NOT NULL DEFAULT 83,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_NotificationSettings" ("fromName", "openTracking", "quietEnd", "quietStart", "replyTo", "shopDomain", "triggers", "updatedAt") SELECT "fromName", "openTracking", "quietEnd", "quietStart", "replyTo", "shopDomain", "triggers", "updatedAt" FROM "NotificationSettings";
DROP TABLE "NotificationSettings";
ALTER TABLE "new_NotificationSettings" RENAME TO "NotificationSettings";
CREATE TABLE "new_NotificationMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'email',
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
    "smsBody" TEXT,
    "segments" INTEGER,
    "encoding" TEXT,
    "providerMessageId" TEXT,
    "deliveryStatus" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_NotificationMessage" ("attempts", "createdAt", "customerShopifyId", "data", "detail", "id", "locale", "openedAt", "orderName", "orderShopifyId", "recipient", "sendAfter", "sentAt", "shopDomain", "smtpMessageId", "status", "subject", "subjectKey", "trigger", "updatedAt") SELECT "attempts", "createdAt", "customerShopifyId", "data", "detail", "id", "locale", "openedAt", "orderName", "orderShopifyId", "recipient", "sendAfter", "sentAt", "shopDomain", "smtpMessageId", "status", "subject", "subjectKey", "trigger", "updatedAt" FROM "NotificationMessage";
DROP TABLE "NotificationMessage";
ALTER TABLE "new_NotificationMessage" RENAME TO "NotificationMessage";
CREATE INDEX "NotificationMessage_providerMessageId_idx" ON "NotificationMessage"("providerMessageId");
CREATE INDEX "NotificationMessage_shopDomain_createdAt_idx" ON "NotificationMessage"("shopDomain", "createdAt");
CREATE INDEX "NotificationMessage_shopDomain_updatedAt_idx" ON "NotificationMessage"("shopDomain", "updatedAt");
CREATE INDEX "NotificationMessage_shopDomain_orderName_idx" ON "NotificationMessage"("shopDomain", "orderName");
CREATE INDEX "NotificationMessage_shopDomain_recipient_idx" ON "NotificationMessage"("shopDomain", "recipient");
CREATE UNIQUE INDEX "NotificationMessage_shopDomain_trigger_subjectKey_channel_key" ON "NotificationMessage"("shopDomain", "trigger", "subjectKey", "channel");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SmsContact_shopDomain_customerShopifyId_idx" ON "SmsContact"("shopDomain", "customerShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "SmsContact_shopDomain_orderShopifyId_key" ON "SmsContact"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "SmsOptOut_shopDomain_phone_key" ON "SmsOptOut"("shopDomain", "phone");

-- CreateIndex
CREATE INDEX "SmsLink_messageId_idx" ON "SmsLink"("messageId");
