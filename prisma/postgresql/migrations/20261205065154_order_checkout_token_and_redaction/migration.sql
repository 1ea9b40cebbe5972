-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "checkoutTokenDigest" TEXT,
ADD COLUMN     "redactedAt" TIMESTAMP(3);
