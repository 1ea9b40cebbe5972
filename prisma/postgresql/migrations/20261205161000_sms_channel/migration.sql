-- DropIndex
DROP INDEX "NotificationMessage_shopDomain_trigger_subjectKey_key";

-- AlterTable
ALTER TABLE "NotificationSettings" ADD COLUMN     "smsAccountSid" TEXT,
ADD COLUMN     "smsAuthTokenSealed" TEXT,
ADD COLUMN     "smsFromNumber" TEXT,
ADD COLUMN     "smsHelpText" TEXT,
ADD COLUMN     "smsMessagingServiceSid" TEXT,
ADD COLUMN     "smsPricePerSegment" INTEGER NOT NULL DEFAULT 83;

-- AlterTable
ALTER TABLE "NotificationMessage" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'email',
ADD COLUMN     "deliveryStatus" TEXT,
ADD COLUMN     "encoding" TEXT,
ADD COLUMN     "providerMessageId" TEXT,
ADD COLUMN     "segments" INTEGER,
ADD COLUMN     "smsBody" TEXT;

-- CreateTable
CREATE TABLE "SmsContact" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "customerShopifyId" TEXT,
    "orderPhone" TEXT,
    "customerPhone" TEXT,
    "countryCode" TEXT,
    "marketingState" TEXT,
    "marketingOptInLevel" TEXT,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsOptOut_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsLink" (
    "code" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "firstClickedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsLink_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "SmsContact_shopDomain_customerShopifyId_idx" ON "SmsContact"("shopDomain", "customerShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "SmsContact_shopDomain_orderShopifyId_key" ON "SmsContact"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "SmsOptOut_shopDomain_phone_key" ON "SmsOptOut"("shopDomain", "phone");

-- CreateIndex
CREATE INDEX "SmsLink_messageId_idx" ON "SmsLink"("messageId");

-- CreateIndex
CREATE INDEX "NotificationMessage_providerMessageId_idx" ON "NotificationMessage"("providerMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationMessage_shopDomain_trigger_subjectKey_channel_key" ON "NotificationMessage"("shopDomain", "trigger", "subjectKey", "channel");
