-- AlterTable
ALTER TABLE "TrackingShipment" ADD COLUMN "reshipOrderName" TEXT;
ALTER TABLE "TrackingShipment" ADD COLUMN "reshipOrderShopifyId" TEXT;
ALTER TABLE "TrackingShipment" ADD COLUMN "reshipRequestedAt" DATETIME;
