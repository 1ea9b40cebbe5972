-- AlterTable
ALTER TABLE "Order" ADD COLUMN "checkoutTokenDigest" TEXT;
ALTER TABLE "Order" ADD COLUMN "redactedAt" DATETIME;
