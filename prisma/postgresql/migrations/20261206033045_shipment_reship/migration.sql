-- AlterTable
ALTER TABLE "TrackingShipment" ADD COLUMN     "reshipOrderName" TEXT,
ADD COLUMN     "reshipOrderShopifyId" TEXT,
ADD COLUMN     "reshipRequestedAt" TIMESTAMP(3);
