-- CreateTable
CREATE TABLE "TrackingFulfillment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "name" TEXT,
    "orderName" TEXT,
    "email" TEXT,
    "customerShopifyId" TEXT,
    "locale" TEXT,
    "status" TEXT,
    "shipmentStatus" TEXT,
    "trackingCompany" TEXT,
    "service" TEXT,
    "destination" TEXT,
    "lineItems" TEXT NOT NULL DEFAULT '[]',
    "shopifyCreatedAt" DATETIME,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TrackingShipment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "fulfillmentId" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "trackingKey" TEXT NOT NULL,
    "trackingUrl" TEXT,
    "carrier" TEXT,
    "carrierConfidence" REAL NOT NULL DEFAULT 0,
    "carrierValid" BOOLEAN NOT NULL DEFAULT false,
    "carrierSource" TEXT NOT NULL DEFAULT 'detected',
    "service" TEXT,
    "destinationRegion" TEXT,
    "tag" TEXT NOT NULL DEFAULT 'Pending',
    "subtag" TEXT NOT NULL DEFAULT 'Pending_001',
    "statusChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shippedAt" DATETIME,
    "lastCheckpointAt" DATETIME,
    "deliveredAt" DATETIME,
    "estimateEarliest" DATETIME,
    "estimateLatest" DATETIME,
    "estimateSource" TEXT,
    "estimateConfidence" REAL,
    "attentionReason" TEXT,
    "attentionDetail" TEXT,
    "attentionSince" DATETIME,
    "attentionDismissed" TEXT,
    "provider" TEXT NOT NULL DEFAULT 'shopify',
    "providerRef" TEXT,
    "nextPollAt" DATETIME,
    "pollFailures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrackingShipment_fulfillmentId_fkey" FOREIGN KEY ("fulfillmentId") REFERENCES "TrackingFulfillment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackingCheckpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "fulfillmentId" TEXT NOT NULL,
    "shipmentId" TEXT,
    "source" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "utcOffset" TEXT,
    "tag" TEXT NOT NULL,
    "subtag" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "city" TEXT,
    "region" TEXT,
    "country" TEXT,
    "postalCode" TEXT,
    "estimatedDeliveryAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrackingCheckpoint_fulfillmentId_fkey" FOREIGN KEY ("fulfillmentId") REFERENCES "TrackingFulfillment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrackingCheckpoint_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "TrackingShipment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackingEstimateRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "previousEarliest" DATETIME,
    "previousLatest" DATETIME,
    "earliest" DATETIME,
    "latest" DATETIME,
    "source" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrackingEstimateRevision_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "TrackingShipment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackingWriteBack" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "happenedAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "shopifyEventId" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrackingWriteBack_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "TrackingShipment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackingCarrierHistory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "shape" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TrackingSettings" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "provider" TEXT NOT NULL DEFAULT 'shopify',
    "easypostApiKey" TEXT,
    "easypostWebhookSecret" TEXT,
    "stallDays" TEXT NOT NULL DEFAULT '{}',
    "writeBack" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TrackingFulfillment_shopDomain_orderShopifyId_idx" ON "TrackingFulfillment"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingFulfillment_shopDomain_shopifyId_key" ON "TrackingFulfillment"("shopDomain", "shopifyId");

-- CreateIndex
CREATE INDEX "TrackingShipment_shopDomain_trackingKey_idx" ON "TrackingShipment"("shopDomain", "trackingKey");

-- CreateIndex
CREATE INDEX "TrackingShipment_shopDomain_tag_idx" ON "TrackingShipment"("shopDomain", "tag");

-- CreateIndex
CREATE INDEX "TrackingShipment_shopDomain_attentionReason_idx" ON "TrackingShipment"("shopDomain", "attentionReason");

-- CreateIndex
CREATE INDEX "TrackingShipment_shopDomain_createdAt_idx" ON "TrackingShipment"("shopDomain", "createdAt");

-- CreateIndex
CREATE INDEX "TrackingShipment_provider_nextPollAt_idx" ON "TrackingShipment"("provider", "nextPollAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingShipment_fulfillmentId_trackingKey_key" ON "TrackingShipment"("fulfillmentId", "trackingKey");

-- CreateIndex
CREATE INDEX "TrackingCheckpoint_shipmentId_occurredAt_idx" ON "TrackingCheckpoint"("shipmentId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingCheckpoint_fulfillmentId_dedupeKey_key" ON "TrackingCheckpoint"("fulfillmentId", "dedupeKey");

-- CreateIndex
CREATE INDEX "TrackingEstimateRevision_shipmentId_idx" ON "TrackingEstimateRevision"("shipmentId");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingWriteBack_shipmentId_status_key" ON "TrackingWriteBack"("shipmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingCarrierHistory_shopDomain_shape_carrier_key" ON "TrackingCarrierHistory"("shopDomain", "shape", "carrier");
