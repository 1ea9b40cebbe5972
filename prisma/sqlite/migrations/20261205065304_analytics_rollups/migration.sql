-- AlterTable
ALTER TABLE "Order" ADD COLUMN "currentTotalPrice" INTEGER;

-- CreateTable
CREATE TABLE "AnalyticsDaily" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "dimension" TEXT NOT NULL DEFAULT '',
    "value" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "AnalyticsDirtyDay" (
    "shopDomain" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "markedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shopDomain", "day")
);

-- CreateTable
CREATE TABLE "AnalyticsCursor" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "capturedUntil" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "rebuiltAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AnalyticsTrackingView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "orderShopifyId" TEXT,
    "surface" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "AnalyticsDaily_shopDomain_metric_day_idx" ON "AnalyticsDaily"("shopDomain", "metric", "day");

-- CreateIndex
CREATE UNIQUE INDEX "AnalyticsDaily_shopDomain_day_metric_dimension_key" ON "AnalyticsDaily"("shopDomain", "day", "metric", "dimension");

-- CreateIndex
CREATE INDEX "AnalyticsTrackingView_shopDomain_createdAt_idx" ON "AnalyticsTrackingView"("shopDomain", "createdAt");

-- CreateIndex
CREATE INDEX "AnalyticsTrackingView_shopDomain_orderShopifyId_idx" ON "AnalyticsTrackingView"("shopDomain", "orderShopifyId");

-- CreateIndex
CREATE INDEX "LoyaltyRedemption_shopDomain_updatedAt_idx" ON "LoyaltyRedemption"("shopDomain", "updatedAt");

-- CreateIndex
CREATE INDEX "NotificationMessage_shopDomain_updatedAt_idx" ON "NotificationMessage"("shopDomain", "updatedAt");

-- CreateIndex
CREATE INDEX "Order_shopDomain_updatedAt_idx" ON "Order"("shopDomain", "updatedAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_shopDomain_updatedAt_idx" ON "SurveyResponse"("shopDomain", "updatedAt");

-- CreateIndex
CREATE INDEX "RecommendationAttribution_shopDomain_createdAt_idx" ON "RecommendationAttribution"("shopDomain", "createdAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_shopDomain_requestedAt_idx" ON "ReturnRequest"("shopDomain", "requestedAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_shopDomain_updatedAt_idx" ON "ReturnRequest"("shopDomain", "updatedAt");

-- CreateIndex
CREATE INDEX "TrackingShipment_shopDomain_deliveredAt_idx" ON "TrackingShipment"("shopDomain", "deliveredAt");

-- CreateIndex
CREATE INDEX "TrackingShipment_shopDomain_updatedAt_idx" ON "TrackingShipment"("shopDomain", "updatedAt");
